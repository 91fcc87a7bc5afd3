// SourceSpan: where an AST node sits in the query text.
#ifndef DOSSIER_QUERY_SOURCE_SPAN_H_
#define DOSSIER_QUERY_SOURCE_SPAN_H_

#include <cstdint>

namespace dossier::query {

// A range of the query text. `offset` and `length` count bytes of the UTF-8
// text; `line` and `column` are 1-based, the column counted in Unicode code
// points of its line. A default span (line 0) means "no position".
struct SourceSpan {
  uint32_t offset = 0;
  uint32_t length = 0;
  uint32_t line = 0;
  uint32_t column = 0;
};

}  // namespace dossier::query

#endif  // DOSSIER_QUERY_SOURCE_SPAN_H_
