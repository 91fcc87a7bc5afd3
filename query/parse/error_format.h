// The caret formatter shared by the parser and the binder.
#ifndef DOSSIER_QUERY_PARSE_ERROR_FORMAT_H_
#define DOSSIER_QUERY_PARSE_ERROR_FORMAT_H_

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "query/source_span.h"

namespace dossier::query {

// Returns the text of a query error:
//
//   <error_type>: <detail>: <message> (line L, column C)
//   <the query line L>
//   <spaces>^
//
// with the caret under column C (1-based, in code points; a tab in the line
// before the column is kept as a tab so that the caret lines up). When `at`
// has no position (line 0) only the first line is produced, without the
// "(line, column)" part. Example:
//   SyntaxError: UnexpectedSyntax: mismatched input 'RETRN' ... (line 1, column 10)
std::string FormatQueryError(std::string_view query, const SourceSpan& at,
                             std::string_view error_type,
                             std::string_view detail,
                             std::string_view message);

// Returns absl::InvalidArgumentError(FormatQueryError(...)).
absl::Status QueryError(std::string_view query, const SourceSpan& at,
                        std::string_view error_type, std::string_view detail,
                        std::string_view message);

// Returns a SyntaxError with the given detail (e.g. "UnexpectedSyntax").
absl::Status SyntaxError(std::string_view query, const SourceSpan& at,
                         std::string_view detail, std::string_view message);

}  // namespace dossier::query

#endif  // DOSSIER_QUERY_PARSE_ERROR_FORMAT_H_
