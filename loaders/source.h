// Where article bytes come from: the seam that lets tests and fuzzers feed
// bytes without touching the file system.
#ifndef DOSSIER_LOADERS_READ_SOURCE_H_
#define DOSSIER_LOADERS_READ_SOURCE_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace dossier::loaders {

// A tree of named byte strings. Implementations must be usable from one
// thread at a time; FileSystemSource() may be shared by all threads.
class ArticleSource {
 public:
  virtual ~ArticleSource() = default;

  // Returns the files at or below `path`: {path} itself when it is a file,
  // every file below it (recursively, sorted by path, names starting with
  // '.' skipped) when it is a folder. Errors: NotFound when `path` does not
  // exist; Internal/PermissionDenied when it cannot be listed.
  virtual absl::StatusOr<std::vector<std::string>> List(
      std::string_view path) = 0;

  // Returns the whole content of the file `path`. Errors: NotFound,
  // PermissionDenied, or Internal on a read error.
  virtual absl::StatusOr<std::string> Read(std::string_view path) = 0;
};

// The real file system (symbolic links to folders are not followed).
ArticleSource* FileSystemSource();

// An in-memory tree: paths are '/'-separated; a folder is any proper prefix
// ending at a '/'. For tests.
class MemorySource : public ArticleSource {
 public:
  // Adds (or replaces) the file `path` holding `bytes`.
  void Add(std::string path, std::string bytes) {
    files_[std::move(path)] = std::move(bytes);
  }
  absl::StatusOr<std::vector<std::string>> List(std::string_view path) override;
  absl::StatusOr<std::string> Read(std::string_view path) override;

 private:
  std::map<std::string, std::string> files_;
};

}  // namespace dossier::loaders

#endif  // DOSSIER_LOADERS_READ_SOURCE_H_
