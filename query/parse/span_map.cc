// SpanMap: ANTLR token positions -> SourceSpans.
#include "query/parse/transformer.h"

namespace dossier::query::parse_internal {

SpanMap::SpanMap(std::string_view text) : text_(text) {
  offsets_.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      offsets_.push_back(static_cast<uint32_t>(i));
    }
  }
  offsets_.push_back(static_cast<uint32_t>(text.size()));
}

uint32_t SpanMap::ByteOffset(size_t index) const {
  if (index >= offsets_.size()) return offsets_.back();
  return offsets_[index];
}

SourceSpan SpanMap::Of(const antlr4::Token* token) const {
  return Between(token, token);
}

SourceSpan SpanMap::Between(const antlr4::Token* start,
                            const antlr4::Token* stop) const {
  SourceSpan s;
  if (start == nullptr) return s;
  s.offset = ByteOffset(start->getStartIndex());
  s.line = static_cast<uint32_t>(start->getLine());
  s.column = static_cast<uint32_t>(start->getCharPositionInLine()) + 1;
  if (start->getType() == antlr4::Token::EOF) return s;
  const antlr4::Token* last = stop;
  if (last == nullptr || (last->getType() != antlr4::Token::EOF &&
                          last->getStopIndex() + 1 < start->getStartIndex())) {
    last = start;
  }
  uint32_t end = last->getType() == antlr4::Token::EOF
                     ? static_cast<uint32_t>(text_.size())
                     : ByteOffset(last->getStopIndex() + 1);
  s.length = end > s.offset ? end - s.offset : 0;
  return s;
}

SourceSpan SpanMap::Of(const antlr4::ParserRuleContext* ctx) const {
  auto* c = const_cast<antlr4::ParserRuleContext*>(ctx);  // ANTLR lacks const.
  return Between(c->getStart(), c->getStop());
}

}  // namespace dossier::query::parse_internal
