// The evaluator behind `dossier eval`: runs the Extractor on annotated
// documents and scores its relations against the gold (GUIDELINES §1: a
// set per document of (type, source, target, kind)).
//
// Predicted entities map to gold entities by Wikidata id, else by folded
// name (graph::FoldKey, leading article dropped) equal to the gold name or
// one of its aliases, else by one of the predicted aliases equal to one of
// those. Kind counts for ACCUSES and DENIES only. DENIES goes denier →
// accuser on both sides.
#ifndef DOSSIER_LOADERS_EVAL_EVAL_H_
#define DOSSIER_LOADERS_EVAL_EVAL_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "loaders/extract.h"

namespace dossier::loaders {

// Counts and the scores they give (0 when undefined).
struct Score {
  int tp = 0;
  int fp = 0;
  int fn = 0;
  double Precision() const { return tp + fp == 0 ? 0 : double(tp) / (tp + fp); }
  double Recall() const { return tp + fn == 0 ? 0 : double(tp) / (tp + fn); }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
};

// One relation that was wrong (false positive) or missed (false negative).
struct EvalError {
  std::string doc;  // Document name or id.
  std::string type;
  std::string source;
  std::string target;
  std::string kind;
  std::string evidence;  // Predicted: the sentence; missed: the gold quote.
};

// What Evaluate found.
struct EvalReport {
  int documents = 0;
  std::vector<std::string> problems;     // Documents that could not run.
  std::map<std::string, Score> by_type;  // Per relation type.
  Score overall;                         // Every type, kinds included.
  Score accuses_pairs;                   // Who accused whom: (source, target).
  Score accuses_with_kind;               // (source, target, kind).
  std::vector<EvalError> false_positives;
  std::vector<EvalError> false_negatives;
};

// Scores `extractor` against the gold file at `gold_path`; a record's "doc"
// is read from `articles_dir` (default "data/seeds" when empty), a record
// with "text" is its own article (its "lang" as given). A document that
// cannot be read or extracted is listed in `problems` and its gold counts
// as missed. Errors: NotFound when the gold file cannot be read;
// InvalidArgument for a malformed gold line.
absl::StatusOr<EvalReport> Evaluate(const Extractor& extractor,
                                    std::string_view gold_path,
                                    std::string_view articles_dir);

// A human-readable report: the scores per type, overall and for who
// accused whom; with `verbose`, every false positive and negative with its
// evidence.
std::string FormatReport(const EvalReport& report, bool verbose);

}  // namespace dossier::loaders

#endif  // DOSSIER_LOADERS_EVAL_EVAL_H_
