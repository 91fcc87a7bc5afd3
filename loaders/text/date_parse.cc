#include "loaders/text/date_parse.h"

#include <array>
#include <cstdio>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "re2/re2.h"

namespace dossier::loaders {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

std::string Format(int y, int m, int d) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30,
                                                31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return "";
  int max_day = kDays[m - 1] + (m == 2 && IsLeap(y) ? 1 : 0);
  if (d > max_day) return "";
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
  return buf;
}

int ToInt(const std::string& s) {
  int v = 0;
  return absl::SimpleAtoi(s, &v) ? v : -1;
}

// Month number of a French or English month name (lowercase, accents as
// written), or 0.
int MonthNumber(std::string name) {
  absl::AsciiStrToLower(&name);
  if (name.size() > 1 && name.back() == '.') name.pop_back();
  struct Entry {
    const char* name;
    int month;
  };
  static constexpr Entry kMonths[] = {
      {"janvier", 1},   {"janv", 1},    {"january", 1},  {"jan", 1},
      {"février", 2},   {"fevrier", 2}, {"févr", 2},     {"fevr", 2},
      {"february", 2},  {"feb", 2},     {"mars", 3},     {"march", 3},
      {"mar", 3},       {"avril", 4},   {"avr", 4},      {"april", 4},
      {"apr", 4},       {"mai", 5},     {"may", 5},      {"juin", 6},
      {"june", 6},      {"jun", 6},     {"juillet", 7},  {"juil", 7},
      {"july", 7},      {"jul", 7},     {"août", 8},     {"aout", 8},
      {"august", 8},    {"aug", 8},     {"septembre", 9}, {"sept", 9},
      {"september", 9}, {"sep", 9},     {"octobre", 10}, {"oct", 10},
      {"october", 10},  {"novembre", 11}, {"nov", 11},   {"november", 11},
      {"décembre", 12}, {"decembre", 12}, {"déc", 12},   {"dec", 12},
      {"december", 12},
  };
  for (const Entry& e : kMonths) {
    if (name == e.name) return e.month;
  }
  return 0;
}

}  // namespace

std::string ParseDate(std::string_view text) {
  static const RE2 kIso(R"((?:^|[^\d])((?:19|20|21)\d\d)-(\d\d)-(\d\d)(?:$|[^\d]))");
  static const RE2 kNumeric(
      R"((?:^|[^\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20|21)\d\d)(?:$|[^\d]))");
  static const RE2 kDayMonthName(
      R"((?i)(?:^|[^\pL\d])(\d{1,2})(?:er|st|nd|rd|th)?\s+(\pL+\.?)\s+((?:19|20|21)\d\d)(?:$|[^\d]))");
  static const RE2 kMonthNameDay(
      R"((?i)(?:^|[^\pL])(\pL+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20|21)\d\d)(?:$|[^\d]))");
  static const RE2 kVietnamese(
      R"((?i)(\d{1,2})\s+tháng\s+(\d{1,2}),?\s+năm\s+((?:19|20|21)\d\d))");
  const re2::StringPiece in(text.data(), text.size());
  std::string a, b, c;
  // The pattern that matches earliest in the text wins; try each and keep
  // the leftmost valid date.
  std::string best;
  size_t best_pos = std::string::npos;
  auto consider = [&](const RE2& re, auto make) {
    re2::StringPiece rest = in;
    re2::StringPiece m0;
    // Scan successive matches so an invalid first candidate does not hide a
    // valid later one.
    for (int guard = 0; guard < 64 && !rest.empty(); ++guard) {
      re2::StringPiece groups[4];
      if (!re.Match(rest, 0, rest.size(), RE2::UNANCHORED, groups, 4)) break;
      m0 = groups[0];
      std::string iso = make(groups[1].as_string(), groups[2].as_string(),
                             groups[3].as_string());
      size_t pos = static_cast<size_t>(m0.data() - in.data());
      if (!iso.empty()) {
        if (pos < best_pos) {
          best_pos = pos;
          best = iso;
        }
        break;
      }
      size_t advance =
          static_cast<size_t>(m0.data() + m0.size() - rest.data());
      if (advance == 0) advance = 1;
      rest.remove_prefix(std::min(advance, rest.size()));
    }
  };
  consider(kIso, [](const std::string& y, const std::string& m,
                    const std::string& d) { return Format(ToInt(y), ToInt(m), ToInt(d)); });
  consider(kNumeric, [](const std::string& d, const std::string& m,
                        const std::string& y) { return Format(ToInt(y), ToInt(m), ToInt(d)); });
  consider(kVietnamese, [](const std::string& d, const std::string& m,
                           const std::string& y) { return Format(ToInt(y), ToInt(m), ToInt(d)); });
  consider(kDayMonthName, [](const std::string& d, const std::string& m,
                             const std::string& y) {
    return Format(ToInt(y), MonthNumber(m), ToInt(d));
  });
  consider(kMonthNameDay, [](const std::string& m, const std::string& d,
                             const std::string& y) {
    return Format(ToInt(y), MonthNumber(m), ToInt(d));
  });
  return best;
}

bool LooksLikeDateLine(std::string_view line, std::string* iso) {
  if (line.size() > 80) return false;
  int words = 0;
  bool in_word = false;
  for (char ch : line) {
    bool space = ch == ' ' || ch == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  if (words > 12) return false;
  std::string date = ParseDate(line);
  if (date.empty()) return false;
  if (iso != nullptr) *iso = date;
  return true;
}

}  // namespace dossier::loaders
