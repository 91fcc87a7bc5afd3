// Publication dates: recognising a date in a short piece of text and writing
// it as ISO 8601 (YYYY-MM-DD).
#ifndef DOSSIER_LOADERS_TEXT_DATE_PARSE_H_
#define DOSSIER_LOADERS_TEXT_DATE_PARSE_H_

#include <string>
#include <string_view>

namespace dossier::loaders {

// Returns the first calendar date found in `text` as "YYYY-MM-DD", or "" when
// there is none. Understands ISO dates and timestamps (2019-03-05,
// 2019-03-05T10:00:00Z), day-first numeric dates (05/03/2019, 5-3-2019,
// 5.3.2019, as written in fr and vi), French and English month names
// ("5 mars 2019", "le 1er mars 2019", "March 5, 2019", "5 March 2019") and
// Vietnamese ("ngày 14 tháng 3 năm 2019"). A date needs a year between 1900
// and 2100 and a valid day for its month.
std::string ParseDate(std::string_view text);

// True when `line` looks like a dateline rather than prose: short (at most
// 80 bytes and 12 words) and holding a date ParseDate recognises. The date
// goes to `*iso` (may be null).
bool LooksLikeDateLine(std::string_view line, std::string* iso);

}  // namespace dossier::loaders

#endif  // DOSSIER_LOADERS_TEXT_DATE_PARSE_H_
