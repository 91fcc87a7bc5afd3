// The ASCII fast paths of the text layer answer as ICU does, and the
// bounded counts of the boilerplate rules decide as the full counts did.
#include <doctest/doctest.h>
#include <unicode/uchar.h>

#include <string>

#include "loaders/text/boilerplate.h"
#include "loaders/text/utf8_util.h"

namespace dossier::loaders {
namespace {

TEST_CASE("IsUnicodeSpace: every ASCII code point as ICU says") {
  for (UChar32 c = 0; c < 0x80; ++c) {
    CAPTURE(c);
    bool want = c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
                c == '\v' || u_isUWhiteSpace(c);
    CHECK(IsUnicodeSpace(c) == want);
  }
  CHECK(IsUnicodeSpace(0xA0));
  CHECK(IsUnicodeSpace(0x202F));
  CHECK(IsUnicodeSpace(0x3000));
  CHECK(IsUnicodeSpace(0x200B));
  CHECK(IsUnicodeSpace(0xFEFF));
  CHECK(IsUnicodeSpace(0x85));
  CHECK_FALSE(IsUnicodeSpace(0x1C));
  CHECK_FALSE(IsUnicodeSpace('x'));
  CHECK_FALSE(IsUnicodeSpace(0xE9));
}

TEST_CASE("boilerplate lines at the bounds of the word and letter counts") {
  // Fewer than two letters: boilerplate, ASCII or not.
  CHECK(IsBoilerplateLine("12 : 45 a"));
  CHECK(IsBoilerplateLine("— é —"));
  CHECK_FALSE(IsBoilerplateLine("Ông Đức đã đến Hà Nội hôm qua."));
  // One lower-case word alone is interface residue; two words are not
  // (however the words are spaced).
  CHECK(IsBoilerplateLine("menu"));
  CHECK(IsBoilerplateLine("\u00A0média\u00A0"));
  CHECK_FALSE(IsBoilerplateLine("menu du jour servi"));
  CHECK_FALSE(IsBoilerplateLine("menu\u00A0du jour servi"));
}

TEST_CASE("the head keeps prose that has twelve words") {
  std::string eleven = "Ông Đức nói rằng công ty đã bị cấm từ năm ngoái.";
  std::string twelve =
      "Ông Đức nói rằng công ty này đã bị cấm từ năm ngoái.";
  std::string text = "Tiêu đề\n" + twelve + "\nNguyễn Văn An\n" + eleven;
  std::string out = RemoveBoilerplate(text);
  CHECK(out.find(twelve) != std::string::npos);
  CHECK(out.find(eleven) != std::string::npos);
}

}  // namespace
}  // namespace dossier::loaders
