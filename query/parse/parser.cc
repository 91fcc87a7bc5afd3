// ParseStatement: text checks, ANTLR lexing and parsing, then the
// transformer. Every exception (ANTLR's, the transformer's) stops here.
#include "query/parse/parser.h"

#include <exception>
#include <memory>
#include <string>

#include "CypherLexer.h"
#include "CypherParser.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "antlr4-runtime.h"
#include "query/parse/error_format.h"
#include "query/parse/transformer.h"

namespace dossier::query {

namespace {

using parse_internal::SpanMap;
using parse_internal::TransformError;
using parse_internal::Transformer;
namespace cy = ::dossier_cypher;

// The detail of a syntax error with no more specific name.
constexpr std::string_view kGenericDetail = "UnexpectedSyntax";

// The position (byte offset, line, column) of byte `pos` of `text`.
SourceSpan PositionOf(std::string_view text, size_t pos) {
  SourceSpan s;
  s.offset = static_cast<uint32_t>(pos);
  s.length = pos < text.size() ? 1 : 0;
  s.line = 1;
  s.column = 1;
  for (size_t i = 0; i < pos && i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++s.line;
      s.column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++s.column;
    }
  }
  return s;
}

// Returns the length of the valid UTF-8 sequence at text[i], or 0.
size_t Utf8SequenceLength(std::string_view text, size_t i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return 1;
  size_t len;
  uint32_t cp;
  if ((c & 0xE0) == 0xC0) {
    len = 2;
    cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3;
    cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + len > text.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    unsigned char d = static_cast<unsigned char>(text[i + k]);
    if ((d & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (d & 0x3F);
  }
  static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return 0;  // Overlong, out of range, or a surrogate.
  }
  return len;
}

// Rejects NUL bytes and invalid UTF-8 (the ANTLR runtime would throw).
absl::Status CheckEncoding(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    if (text[i] == '\0') {
      return SyntaxError(text, PositionOf(text, i), "InvalidUnicodeCharacter",
                         absl::StrCat("NUL character at byte offset ", i));
    }
    size_t len = Utf8SequenceLength(text, i);
    if (len == 0) {
      return SyntaxError(
          text, PositionOf(text, i), "InvalidUnicodeCharacter",
          absl::StrFormat("invalid UTF-8 byte 0x%02x at byte offset %d",
                          static_cast<unsigned char>(text[i]), i));
    }
    i += len;
  }
  return absl::OkStatus();
}

// Rejects nesting of ( [ { deeper than kMaxNestingDepth, counted on the raw
// text outside string literals, escaped names and comments.
absl::Status CheckNesting(std::string_view text) {
  int depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\'' || c == '"' || c == '`') {
      for (++i; i < text.size() && text[i] != c; ++i) {
        if (text[i] == '\\' && c != '`') ++i;
      }
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
      size_t end = text.find("*/", i + 2);
      i = end == std::string_view::npos ? text.size() : end + 1;
    } else if (c == '(' || c == '[' || c == '{') {
      if (++depth > kMaxNestingDepth) {
        return SyntaxError(text, PositionOf(text, i), kGenericDetail,
                           absl::StrCat("expression nested deeper than ",
                                        kMaxNestingDepth, " levels"));
      }
    } else if (c == ')' || c == ']' || c == '}') {
      if (depth > 0) --depth;
    }
  }
  return absl::OkStatus();
}

// Thrown by the error listener at the first syntax error.
struct FirstSyntaxError {
  absl::Status status;
};

// Shortens ANTLR's messages: long "expecting {...}" sets are dropped.
std::string CleanMessage(const std::string& msg, const antlr4::Token* token) {
  std::string out = msg;
  size_t expecting = out.find(" expecting ");
  if (expecting != std::string::npos) {
    std::string set = out.substr(expecting);
    size_t commas = 0;
    for (char c : set) commas += c == ',';
    if (commas > 5) out = out.substr(0, expecting);
  }
  if (out.rfind("no viable alternative", 0) == 0 && token != nullptr) {
    out = absl::StrCat("no viable alternative at input '", token->getText(),
                       "'");
  }
  if (token != nullptr && token->getType() == antlr4::Token::EOF) {
    absl::StrAppend(&out, " (unexpected end of query)");
  }
  return out;
}

// True when token `index` sits inside the `[...]` of a relationship pattern
// (an unclosed `[` right after `-`).
bool InsideRelationshipDetail(antlr4::TokenStream* tokens, size_t index) {
  int depth = 0;
  for (size_t i = index; i-- > 0;) {
    std::string t = tokens->get(i)->getText();
    if (t == "]" || t == ")" || t == "}") {
      ++depth;
    } else if (t == "(" || t == "{") {
      if (depth == 0) return false;
      --depth;
    } else if (t == "[") {
      if (depth == 0) return i > 0 && tokens->get(i - 1)->getText() == "-";
      --depth;
    }
  }
  return false;
}

// Records the first syntax error and stops the parse.
class FirstErrorListener : public antlr4::BaseErrorListener {
 public:
  explicit FirstErrorListener(const SpanMap& spans) : spans_(spans) {}

  void syntaxError(antlr4::Recognizer* recognizer,
                   antlr4::Token* offending_symbol, size_t line,
                   size_t char_position_in_line, const std::string& msg,
                   std::exception_ptr e) override {
    SourceSpan at;
    if (offending_symbol != nullptr) {
      at = spans_.Of(offending_symbol);
    } else {
      at.line = static_cast<uint32_t>(line);
      at.column = static_cast<uint32_t>(char_position_in_line) + 1;
    }
    std::string_view detail = kGenericDetail;
    auto* parser = dynamic_cast<antlr4::Parser*>(recognizer);
    if (parser != nullptr && offending_symbol != nullptr &&
        InsideRelationshipDetail(parser->getTokenStream(),
                                 offending_symbol->getTokenIndex())) {
      detail = "InvalidRelationshipPattern";
    } else if (parser != nullptr) {
      for (antlr4::RuleContext* ctx = parser->getContext(); ctx != nullptr;
           ctx = dynamic_cast<antlr4::RuleContext*>(ctx->parent)) {
        if (dynamic_cast<cy::CypherParser::RelationshipDetailContext*>(ctx) !=
            nullptr) {
          detail = "InvalidRelationshipPattern";
          break;
        }
      }
    }
    offending_index_ =
        offending_symbol != nullptr ? offending_symbol->getTokenIndex() : 0;
    throw FirstSyntaxError{SyntaxError(spans_.text(), at, detail,
                                       CleanMessage(msg, offending_symbol))};
  }

  size_t offending_index() const { return offending_index_; }

 private:
  const SpanMap& spans_;
  size_t offending_index_ = 0;
};

// The error for a token the grammar never accepts (InvalidNumber,
// ErrorChar), or OK.
absl::Status LexicalError(const SpanMap& spans, const antlr4::Token* token) {
  SourceSpan at = spans.Of(token);
  std::string text = token->getText();
  if (token->getType() == cy::CypherLexer::InvalidNumber) {
    return SyntaxError(spans.text(), at, "InvalidNumberLiteral",
                       absl::StrCat("invalid number literal '", text, "'"));
  }
  if (text == "'" || text == "\"") {
    return SyntaxError(spans.text(), at, kGenericDetail,
                       "unterminated string literal");
  }
  if (text == "`") {
    return SyntaxError(spans.text(), at, kGenericDetail,
                       "unterminated escaped name");
  }
  if (!text.empty() && (static_cast<unsigned char>(text[0]) & 0x80) != 0) {
    return SyntaxError(spans.text(), at, "InvalidUnicodeCharacter",
                       absl::StrCat("unexpected character '", text, "'"));
  }
  return SyntaxError(spans.text(), at, kGenericDetail,
                     absl::StrCat("unexpected character '", text, "'"));
}

}  // namespace

absl::StatusOr<Statement> ParseStatement(std::string_view text) {
  if (text.size() > kMaxQueryBytes) {
    return absl::InvalidArgumentError(absl::StrCat(
        "SyntaxError: UnexpectedSyntax: query too long (", text.size(),
        " bytes; at most ", kMaxQueryBytes,
        "): pass large values as parameters"));
  }
  if (absl::Status s = CheckEncoding(text); !s.ok()) return s;
  if (absl::Status s = CheckNesting(text); !s.ok()) return s;
  SpanMap spans(text);
  try {
    antlr4::ANTLRInputStream input{std::string(text)};
    cy::CypherLexer lexer(&input);
    lexer.removeErrorListeners();
    antlr4::CommonTokenStream tokens(&lexer);
    tokens.fill();
    if (tokens.size() > kMaxQueryTokens) {
      return absl::InvalidArgumentError(absl::StrCat(
          "SyntaxError: UnexpectedSyntax: query too long (", tokens.size(),
          " tokens; at most ", kMaxQueryTokens,
          "): pass large values as parameters"));
    }
    // A run of signs (`- - - … 1`) is a recursion of the grammar's unary
    // rule: refused like deep bracket nesting, before ANTLR recurses.
    int signs = 0;
    for (antlr4::Token* t : tokens.getTokens()) {
      if (t->getChannel() != antlr4::Token::DEFAULT_CHANNEL) continue;
      std::string text = t->getText();
      signs = (text == "-" || text == "+") ? signs + 1 : 0;
      if (signs > kMaxNestingDepth) {
        return SyntaxError(spans.text(), spans.Of(t),
                           kGenericDetail,
                           absl::StrCat("expression nested deeper than ",
                                        kMaxNestingDepth, " levels"));
      }
    }
    const antlr4::Token* bad = nullptr;
    for (antlr4::Token* t : tokens.getTokens()) {
      if (t->getType() == cy::CypherLexer::InvalidNumber ||
          t->getType() == cy::CypherLexer::ErrorChar) {
        bad = t;
        break;
      }
    }
    cy::CypherParser parser(&tokens);
    parser.removeErrorListeners();
    FirstErrorListener listener(spans);
    parser.addErrorListener(&listener);
    cy::CypherParser::StatementContext* tree = nullptr;
    try {
      tree = parser.statement();
    } catch (const FirstSyntaxError& e) {
      if (bad != nullptr && bad->getTokenIndex() <= listener.offending_index()) {
        return LexicalError(spans, bad);
      }
      return e.status;
    }
    if (bad != nullptr) return LexicalError(spans, bad);
    Transformer transformer(spans);
    return transformer.TransformStatement(tree);
  } catch (const TransformError& e) {
    return e.status;
  } catch (const FirstSyntaxError& e) {
    return e.status;
  } catch (const std::bad_alloc&) {
    return absl::ResourceExhaustedError("out of memory while parsing the query");
  } catch (const std::exception& e) {
    return absl::InvalidArgumentError(
        absl::StrCat("SyntaxError: UnexpectedSyntax: ", e.what()));
  }
}

}  // namespace dossier::query
