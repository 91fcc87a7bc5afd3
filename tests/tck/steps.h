// The TCK's step vocabulary (tck/INDEX.md, "Gherkin step vocabulary"):
// classifies a Gherkin step text into a typed step.
#ifndef DOSSIER_TESTS_TCK_STEPS_H_
#define DOSSIER_TESTS_TCK_STEPS_H_

#include <string>

#include "tests/tck/gherkin.h"

namespace dossier::tck {

// Every step form the TCK uses.
enum class StepKind {
  kEmptyGraph,       // Given an empty graph
  kAnyGraph,         // Given any graph
  kNamedGraph,       // Given the <name> graph            (arg: name)
  kHavingExecuted,   // And having executed: """setup"""
  kParameters,       // And parameters are: | name | value |
  kProcedure,        // And there exists a procedure <sig>: (arg: sig)
  kExecuting,        // When executing query: """q"""
  kExecutingControl, // When executing control query: """q"""
  kResult,           // Then the result should be[, in order|, in any order]…
  kResultEmpty,      // Then the result should be empty
  kError,            // Then a <Type> should be raised at <phase>: <Detail>
  kNoSideEffects,    // And no side effects
  kSideEffects,      // And the side effects should be: | +nodes | 1 |
  kUnknown,          // anything else (a scenario using it fails)
};

// When an expected error must be raised.
enum class ErrorPhase { kCompileTime, kRuntime, kAnyTime };

// A classified step; fields beyond `kind` are set for the kinds noted.
struct TypedStep {
  StepKind kind = StepKind::kUnknown;
  std::string arg;              // kNamedGraph: graph name; kProcedure: sig
  bool ordered = false;         // kResult: "in order"
  bool ignore_list_order = false;  // kResult: "(ignoring element order…)"
  std::string error_type;       // kError: e.g. "SyntaxError"
  std::string error_detail;     // kError: e.g. "UndefinedVariable" or "*"
  ErrorPhase phase = ErrorPhase::kAnyTime;  // kError
};

// Classifies `step` by its text (the keyword is not significant).
TypedStep ClassifyStep(const Step& step);

// "compile time", "runtime" or "any time".
const char* PhaseName(ErrorPhase phase);

}  // namespace dossier::tck

#endif  // DOSSIER_TESTS_TCK_STEPS_H_
