// Memory-mapped input files and SST sinks of the bulk loader.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "graph/bulk_internal.h"
#include "graph/store.h"
#include "rocksdb/options.h"

namespace dossier::graph::bulk {

absl::StatusOr<std::unique_ptr<MappedFile>> MappedFile::Open(
    const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    std::string why = std::strerror(errno);
    if (errno == ENOENT) {
      return absl::NotFoundError(absl::StrCat(path, ": no such file"));
    }
    return absl::UnavailableError(absl::StrCat(path, ": ", why));
  }
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": not a regular file"));
  }
  std::unique_ptr<MappedFile> file(new MappedFile());
  file->size_ = static_cast<size_t>(st.st_size);
  if (file->size_ > 0) {
    void* p = ::mmap(nullptr, file->size_, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) {
      std::string why = std::strerror(errno);
      ::close(fd);
      return absl::UnavailableError(absl::StrCat(path, ": mmap: ", why));
    }
    ::madvise(p, file->size_, MADV_SEQUENTIAL);
    file->data_ = static_cast<const char*>(p);
  }
  ::close(fd);
  return file;
}

MappedFile::~MappedFile() {
  if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
}

SstSink::SstSink(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* cf,
                 std::string path)
    : db_(db), cf_(cf), path_(std::move(path)) {}

absl::Status SstSink::Put(std::string_view key, std::string_view value) {
  if (writer_ == nullptr) {
    // The family's own options (table format, bloom filter, compression).
    rocksdb::Options options = db_->GetOptions(cf_);
    writer_ = std::make_unique<rocksdb::SstFileWriter>(rocksdb::EnvOptions(),
                                                       options, cf_);
    rocksdb::Status s = writer_->Open(path_);
    if (!s.ok()) return FromRocks(s, absl::StrCat("cannot create ", path_));
  }
  ++entries_;
  rocksdb::Status s = writer_->Put(rocksdb::Slice(key.data(), key.size()),
                                   rocksdb::Slice(value.data(), value.size()));
  if (s.ok()) return absl::OkStatus();
  return FromRocks(s, absl::StrCat("writing ", path_));
}

absl::Status SstSink::Finish() {
  if (writer_ == nullptr) return absl::OkStatus();
  rocksdb::Status s = writer_->Finish();
  writer_.reset();
  if (!s.ok()) return FromRocks(s, absl::StrCat("finishing ", path_));
  written_ = path_;
  return absl::OkStatus();
}

}  // namespace dossier::graph::bulk
