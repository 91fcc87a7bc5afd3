#include "loaders/read/source.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

#include "absl/strings/str_cat.h"

namespace dossier::loaders {
namespace {

namespace fs = std::filesystem;

bool Hidden(const fs::path& p) {
  std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

class RealSource : public ArticleSource {
 public:
  absl::StatusOr<std::vector<std::string>> List(
      std::string_view path) override {
    std::error_code ec;
    const fs::path root{std::string(path)};
    fs::file_status st = fs::status(root, ec);
    if (ec || !fs::exists(st)) {
      return absl::NotFoundError(absl::StrCat(std::string(path), ": not found"));
    }
    if (!fs::is_directory(st)) return std::vector<std::string>{std::string(path)};
    std::vector<std::string> files;
    fs::recursive_directory_iterator it(
        root, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      return absl::InternalError(absl::StrCat(std::string(path),
                                              ": cannot list (", ec.message(), ")"));
    }
    for (fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
      if (ec) {
        return absl::InternalError(absl::StrCat(
            std::string(path), ": cannot list (", ec.message(), ")"));
      }
      std::error_code ec2;
      if (Hidden(it->path())) {
        if (it->is_directory(ec2)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec2)) files.push_back(it->path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
  }

  absl::StatusOr<std::string> Read(std::string_view path) override {
    std::error_code ec;
    const fs::path p{std::string(path)};
    if (fs::is_directory(p, ec)) {
      return absl::InvalidArgumentError(
          absl::StrCat(std::string(path), ": is a folder"));
    }
    std::ifstream in(p, std::ios::binary);
    if (!in) {
      if (!fs::exists(p, ec)) {
        return absl::NotFoundError(absl::StrCat(std::string(path), ": not found"));
      }
      return absl::PermissionDeniedError(
          absl::StrCat(std::string(path), ": cannot open"));
    }
    std::string bytes((std::istreambuf_iterator<char>(in)),
                      std::istreambuf_iterator<char>());
    if (in.bad()) {
      return absl::InternalError(absl::StrCat(std::string(path), ": read error"));
    }
    return bytes;
  }
};

}  // namespace

ArticleSource* FileSystemSource() {
  static RealSource* source = new RealSource();
  return source;
}

absl::StatusOr<std::vector<std::string>> MemorySource::List(
    std::string_view path) {
  std::string p(path);
  if (files_.count(p) != 0) return std::vector<std::string>{p};
  std::string prefix = p.empty() || p.back() == '/' ? p : p + "/";
  std::vector<std::string> out;
  for (auto it = files_.lower_bound(prefix);
       it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0;
       ++it) {
    std::string_view rest(it->first);
    rest.remove_prefix(prefix.size());
    if (rest.empty() || rest[0] == '.' ||
        rest.find("/.") != std::string_view::npos) {
      continue;
    }
    out.push_back(it->first);
  }
  if (out.empty()) return absl::NotFoundError(absl::StrCat(p, ": not found"));
  return out;  // std::map keeps them sorted.
}

absl::StatusOr<std::string> MemorySource::Read(std::string_view path) {
  auto it = files_.find(std::string(path));
  if (it == files_.end()) {
    return absl::NotFoundError(absl::StrCat(std::string(path), ": not found"));
  }
  return it->second;
}

}  // namespace dossier::loaders
