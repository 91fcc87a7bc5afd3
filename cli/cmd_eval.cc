// dossier eval: precision, recall and F1 of the loaders against gold files.
#include <iostream>
#include <memory>

#include "cli/subcommand.h"
#include "loaders/eval/eval.h"
#include "loaders/extract.h"

namespace dossier::cli {
namespace {

struct EvalArgs {
  std::string gold;
  std::string articles = "data/seeds";
  std::vector<std::string> lexicons;
  bool verbose = false;
};

int RunEval(const EvalArgs& args) {
  loaders::ExtractorOptions eo;
  eo.extra_lexicon_paths = args.lexicons;
  absl::StatusOr<std::unique_ptr<loaders::Extractor>> extractor =
      loaders::Extractor::Create(eo);
  if (!extractor.ok()) return ReportError(extractor.status());
  absl::StatusOr<loaders::EvalReport> report =
      loaders::Evaluate(**extractor, args.gold, args.articles);
  if (!report.ok()) return ReportError(report.status());
  std::cout << loaders::FormatReport(*report, args.verbose);
  return kExitOk;
}

}  // namespace

Subcommand AddEvalCommand(CLI::App& app) {
  auto args = std::make_shared<EvalArgs>();
  CLI::App* cmd = app.add_subcommand(
      "eval",
      "Score the loaders against gold relations (precision, recall, F1)");
  cmd->add_option("--gold", args->gold,
                  "Gold JSON Lines (records with `doc` under --articles, or "
                  "with their own `text`)")
      ->required();
  cmd->add_option("--articles", args->articles,
                  "Folder of the articles that gold `doc` fields name")
      ->capture_default_str();
  cmd->add_option("--lexicon", args->lexicons, "An extra lexicon file; repeatable")
      ->allow_extra_args(false);
  cmd->add_flag("-v,--verbose", args->verbose,
                "List every false positive and false negative with its evidence");
  return {cmd, [args] { return RunEval(*args); }};
}

}  // namespace dossier::cli
