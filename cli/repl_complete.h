// Tab completion for `dossier repl`: what may come at the cursor.
#ifndef DOSSIER_CLI_REPL_COMPLETE_H_
#define DOSSIER_CLI_REPL_COMPLETE_H_

#include <string>
#include <string_view>
#include <vector>

namespace dossier::cli {

// The names of the open database that completion offers, read by
// queries through the API (cli/repl_schema.h) and refreshed after writes.
struct Vocabulary {
  std::vector<std::string> labels;
  std::vector<std::string> types;
  std::vector<std::string> keys;    // Node and relationship property keys.
  std::vector<std::string> params;  // Names set with :param.
};

// Where the word under the cursor sits.
enum class CompletionContext {
  kKeywordOrFunction,  // Anywhere else.
  kLabel,              // After ':' in a node pattern `(n:`.
  kType,               // After ':' or '|' in a relationship pattern `[r:`.
  kPropertyKey,        // After '.' (`n.na`) or in a map `{na`.
  kParameter,          // After '$'.
  kMetaCommand,        // A line starting with ':' (`:sch`).
};

// The context of the word that ends at the end of `before_cursor` (the
// statement text typed so far, earlier lines included) and starts at
// `word_start`.
CompletionContext ContextAt(std::string_view before_cursor, size_t word_start);

// The completions of `word` (a prefix, possibly empty) in `context`, sorted
// and without duplicates. Keywords match case-insensitively and keep the
// case the user started with; functions end with '('.
std::vector<std::string> Completions(CompletionContext context,
                                     std::string_view word,
                                     const Vocabulary& vocabulary);

// The start of the identifier that ends at the end of `text`.
size_t WordStart(std::string_view text);

}  // namespace dossier::cli

#endif  // DOSSIER_CLI_REPL_COMPLETE_H_
