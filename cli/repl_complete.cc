#include "cli/repl_complete.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace dossier::cli {
namespace {

constexpr const char* kKeywords[] = {
    "MATCH",    "OPTIONAL", "WHERE",    "RETURN",  "WITH",     "UNWIND",
    "AS",       "ORDER",    "BY",       "ASC",     "ASCENDING", "DESC",
    "DESCENDING", "SKIP",   "LIMIT",    "DISTINCT", "CREATE",  "MERGE",
    "ON",       "SET",      "DELETE",   "DETACH",  "REMOVE",   "CALL",
    "YIELD",    "UNION",    "ALL",      "AND",     "OR",       "XOR",
    "NOT",      "IN",       "IS",       "NULL",    "TRUE",     "FALSE",
    "CASE",     "WHEN",     "THEN",     "ELSE",    "END",      "STARTS",
    "ENDS",     "CONTAINS", "EXISTS",   "EXPLAIN", "PROFILE",  "COUNT",
};

constexpr const char* kFunctions[] = {
    "abs",        "avg",        "ceil",        "coalesce",   "collect",
    "cos",        "count",      "endNode",     "exp",        "floor",
    "head",       "id",         "keys",        "labels",     "last",
    "left",       "length",     "log",         "log10",      "lTrim",
    "max",        "min",        "nodes",       "percentileCont",
    "percentileDisc",           "properties",  "rand",       "range",
    "relationships",            "replace",     "reverse",    "right",
    "round",      "rTrim",      "shortestPath", "allShortestPaths",
    "sign",       "sin",        "size",        "split",      "sqrt",
    "startNode",  "stDev",      "stDevP",      "substring",  "sum",
    "tail",       "toBoolean",  "toFloat",     "toInteger",  "toLower",
    "toString",   "toUpper",    "trim",        "type",
};

constexpr const char* kMetaCommands[] = {
    ":help", ":schema", ":stats", ":format", ":timing",
    ":param", ":params", ":quit", ":exit",
};

bool IsWordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
         (static_cast<unsigned char>(c) & 0x80);
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (prefix.size() > s.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i]))) {
      return false;
    }
  }
  return true;
}

// The innermost unclosed bracket before `end`, outside strings; 0 if none,
// '\'' when `end` is inside a string or backtick name.
char OpenBracket(std::string_view text, size_t end) {
  std::vector<char> stack;
  char quote = 0;
  for (size_t i = 0; i < end; ++i) {
    char c = text[i];
    if (quote) {
      if (c == '\\') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
      continue;
    }
    if (c == '\'' || c == '"' || c == '`') {
      quote = c;
    } else if (c == '(' || c == '[' || c == '{') {
      stack.push_back(c);
    } else if ((c == ')' || c == ']' || c == '}') && !stack.empty()) {
      stack.pop_back();
    }
  }
  if (quote) return '\'';
  return stack.empty() ? 0 : stack.back();
}

}  // namespace

size_t WordStart(std::string_view text) {
  size_t i = text.size();
  while (i > 0 && IsWordChar(text[i - 1])) --i;
  return i;
}

CompletionContext ContextAt(std::string_view before, size_t word_start) {
  size_t first = before.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && before[first] == ':' &&
      first + 1 == word_start) {
    return CompletionContext::kMetaCommand;
  }
  // Skip blanks between the word and the character before it.
  size_t i = word_start;
  while (i > 0 && (before[i - 1] == ' ' || before[i - 1] == '\t')) --i;
  char prev = i > 0 ? before[i - 1] : 0;
  char open = OpenBracket(before, i);
  if (open == '\'') return CompletionContext::kKeywordOrFunction;
  if (prev == '$') return CompletionContext::kParameter;
  if (prev == '.' && i >= 2 && IsWordChar(before[i - 2])) {
    return CompletionContext::kPropertyKey;
  }
  if (prev == ':' || prev == '|') {
    if (open == '[') return CompletionContext::kType;
    // In a node pattern, or a label test (`WHERE n:Sta`); not in a map.
    if (open != '{') return CompletionContext::kLabel;
  }
  if (open == '{' && (prev == '{' || prev == ',')) {
    return CompletionContext::kPropertyKey;
  }
  return CompletionContext::kKeywordOrFunction;
}

std::vector<std::string> Completions(CompletionContext context,
                                     std::string_view word,
                                     const Vocabulary& v) {
  std::set<std::string> out;
  auto add_from = [&](const std::vector<std::string>& names) {
    for (const std::string& n : names) {
      if (StartsWithNoCase(n, word)) out.insert(n);
    }
  };
  switch (context) {
    case CompletionContext::kLabel:
      add_from(v.labels);
      break;
    case CompletionContext::kType:
      add_from(v.types);
      break;
    case CompletionContext::kPropertyKey:
      add_from(v.keys);
      break;
    case CompletionContext::kParameter:
      add_from(v.params);
      break;
    case CompletionContext::kMetaCommand:
      for (const char* m : kMetaCommands) {
        if (StartsWithNoCase(m + 1, word)) out.insert(m + 1);
      }
      break;
    case CompletionContext::kKeywordOrFunction: {
      if (word.empty()) break;
      bool lower = std::islower(static_cast<unsigned char>(word[0]));
      for (const char* k : kKeywords) {
        if (!StartsWithNoCase(k, word)) continue;
        std::string s = k;
        if (lower) {
          for (char& c : s) c = static_cast<char>(std::tolower(c));
        }
        out.insert(s);
      }
      for (const char* f : kFunctions) {
        if (StartsWithNoCase(f, word)) out.insert(std::string(f) + "(");
      }
      break;
    }
  }
  return {out.begin(), out.end()};
}

}  // namespace dossier::cli
