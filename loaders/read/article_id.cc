#include "loaders/read/article_id.h"

#include <openssl/evp.h>

namespace dossier::loaders {

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digest_len = 0;
  // EVP_Digest is one-shot and allocates its context internally.
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &digest_len, EVP_sha256(),
                 nullptr) != 1) {
    return std::string();
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(digest_len * 2);
  for (unsigned int i = 0; i < digest_len; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 0xF]);
  }
  return out;
}

std::string ArticleId(std::string_view nfc_text) {
  return Sha256Hex(nfc_text).substr(0, 32);
}

}  // namespace dossier::loaders
