#include "loaders/relations/tables.h"

namespace dossier::loaders {
namespace {

CompiledTables Compile(const LanguageTables& rows) {
  CompiledTables t;
  t.rows = &rows;
  for (size_t i = 0; i < rows.triggers.size(); ++i) {
    t.triggers.Add(rows.triggers[i].phrase, static_cast<int>(i));
  }
  for (size_t i = 0; i < rows.kinds.size(); ++i) {
    t.kinds.Add(rows.kinds[i].phrase, static_cast<int>(i));
  }
  for (const auto& [phrase, cue] : rows.cues) {
    t.cues[static_cast<int>(cue)].Add(phrase, 0);
  }
  return t;
}

}  // namespace

const CompiledTables& TablesFor(std::string_view lang) {
  static const CompiledTables* fr = new CompiledTables(Compile(FrenchTables()));
  static const CompiledTables* vi =
      new CompiledTables(Compile(VietnameseTables()));
  static const CompiledTables* en =
      new CompiledTables(Compile(EnglishTables()));
  if (lang == "fr") return *fr;
  if (lang == "vi") return *vi;
  return *en;
}

}  // namespace dossier::loaders
