#include "loaders/text/words.h"

#include <memory>
#include <string>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/rbbi.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include "absl/container/flat_hash_map.h"
#include "loaders/text/utf8_util.h"

namespace dossier::loaders {
namespace {

icu::BreakIterator* WordIterator(std::string_view lang) {
  thread_local absl::flat_hash_map<std::string,
                                   std::unique_ptr<icu::BreakIterator>>
      cache;
  std::string key(lang.empty() ? "en" : lang);
  auto it = cache.find(key);
  if (it != cache.end()) return it->second.get();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> bi(icu::BreakIterator::createWordInstance(
      icu::Locale(key.c_str()), status));
  if (U_FAILURE(status)) bi.reset();
  return cache.emplace(key, std::move(bi)).first->second.get();
}

}  // namespace

std::vector<WordSpan> SplitWords(std::string_view text, std::string_view lang) {
  std::vector<WordSpan> out;
  icu::BreakIterator* bi = WordIterator(lang);
  if (bi == nullptr || text.empty()) return out;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(),
                             static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return out;
  bi->setText(ut, status);
  if (U_SUCCESS(status)) {
    int32_t prev = bi->first();
    for (int32_t b = bi->next(); b != icu::BreakIterator::DONE;
         prev = b, b = bi->next()) {
      if (bi->getRuleStatus() != UBRK_WORD_NONE) {
        out.push_back(WordSpan{static_cast<size_t>(prev), static_cast<size_t>(b)});
      }
    }
  }
  bi->setText(icu::UnicodeString());
  utext_close(ut);
  return out;
}

bool IsCapitalized(std::string_view word) {
  if (word.empty()) return false;
  size_t i = 0;
  UChar32 c = NextCodePoint(word, &i);
  return u_isupper(c) || u_istitle(c);
}

}  // namespace dossier::loaders
