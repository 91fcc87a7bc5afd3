// Byte-level checks an article passes before any parsing: UTF-8 validity and
// the absence of NUL bytes (the mark of a binary file).
#ifndef DOSSIER_LOADERS_READ_UTF8_CHECK_H_
#define DOSSIER_LOADERS_READ_UTF8_CHECK_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace dossier::loaders {

// Returns the byte offset of the first byte that does not belong to a
// well-formed UTF-8 sequence (overlongs, surrogates and code points above
// U+10FFFF are ill-formed), or std::string_view::npos when `bytes` is valid.
size_t FindInvalidUtf8(std::string_view bytes);

// Returns OK when `bytes` is non-empty, has no NUL byte and is valid UTF-8;
// otherwise InvalidArgument naming `name` and, where it applies, the byte
// offset: "<name>: empty article", "<name>: binary file (NUL byte at offset
// N)", "<name>: invalid UTF-8 at byte offset N".
absl::Status CheckArticleBytes(std::string_view name, std::string_view bytes);

// Returns `bytes` without a leading UTF-8 byte order mark.
std::string_view StripBom(std::string_view bytes);

}  // namespace dossier::loaders

#endif  // DOSSIER_LOADERS_READ_UTF8_CHECK_H_
