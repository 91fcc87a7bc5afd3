// The content hash that identifies an Article (DESIGN §3).
#ifndef DOSSIER_LOADERS_READ_ARTICLE_ID_H_
#define DOSSIER_LOADERS_READ_ARTICLE_ID_H_

#include <string>
#include <string_view>

namespace dossier::loaders {

// Returns the first 32 lowercase hex digits (16 bytes) of the SHA-256 of
// `nfc_text`. REQUIRES: `nfc_text` is already NFC (the caller normalises; the
// id is defined on the NFC text as read, before boilerplate removal).
std::string ArticleId(std::string_view nfc_text);

// Returns the full lowercase hex SHA-256 of `bytes` (64 digits).
std::string Sha256Hex(std::string_view bytes);

}  // namespace dossier::loaders

#endif  // DOSSIER_LOADERS_READ_ARTICLE_ID_H_
