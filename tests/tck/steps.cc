// Step classification by the exact wordings the TCK uses.
#include "tests/tck/steps.h"

#include <regex>

#include "absl/strings/match.h"

namespace dossier::tck {

const char* PhaseName(ErrorPhase phase) {
  switch (phase) {
    case ErrorPhase::kCompileTime:
      return "compile time";
    case ErrorPhase::kRuntime:
      return "runtime";
    case ErrorPhase::kAnyTime:
      return "any time";
  }
  return "?";
}

TypedStep ClassifyStep(const Step& step) {
  TypedStep t;
  const std::string& s = step.text;
  if (s == "an empty graph") {
    t.kind = StepKind::kEmptyGraph;
  } else if (s == "any graph") {
    t.kind = StepKind::kAnyGraph;
  } else if (absl::StartsWith(s, "the ") && absl::EndsWith(s, " graph")) {
    t.kind = StepKind::kNamedGraph;
    t.arg = s.substr(4, s.size() - 4 - 6);
  } else if (s == "having executed:") {
    t.kind = StepKind::kHavingExecuted;
  } else if (s == "parameters are:") {
    t.kind = StepKind::kParameters;
  } else if (absl::StartsWith(s, "there exists a procedure ")) {
    t.kind = StepKind::kProcedure;
    std::string_view sig = s;
    sig.remove_prefix(sizeof("there exists a procedure ") - 1);
    if (sig.ends_with(':')) sig.remove_suffix(1);
    t.arg = std::string(sig);
  } else if (s == "executing query:") {
    t.kind = StepKind::kExecuting;
  } else if (s == "executing control query:") {
    t.kind = StepKind::kExecutingControl;
  } else if (s == "the result should be empty") {
    t.kind = StepKind::kResultEmpty;
  } else if (absl::StartsWith(s, "the result should be") &&
             absl::EndsWith(s, ":")) {
    t.kind = StepKind::kResult;
    t.ordered = absl::StrContains(s, ", in order");
    t.ignore_list_order =
        absl::StrContains(s, "(ignoring element order for lists)");
  } else if (s == "no side effects") {
    t.kind = StepKind::kNoSideEffects;
  } else if (s == "the side effects should be:") {
    t.kind = StepKind::kSideEffects;
  } else {
    static const std::regex kError(
        R"(an? (\w+) should be raised at (compile time|runtime|any time): (\S+))");
    std::smatch m;
    if (std::regex_match(s, m, kError)) {
      t.kind = StepKind::kError;
      t.error_type = m[1];
      t.error_detail = m[3];
      t.phase = m[2] == "compile time" ? ErrorPhase::kCompileTime
                : m[2] == "runtime"    ? ErrorPhase::kRuntime
                                       : ErrorPhase::kAnyTime;
    }
  }
  return t;
}

}  // namespace dossier::tck
