// Helpers shared by the graph tests: fresh database directories.
#ifndef DOSSIER_TESTS_GRAPH_TEST_UTIL_H_
#define DOSSIER_TESTS_GRAPH_TEST_UTIL_H_

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>

namespace dossier::testing {

// A fresh, empty directory under DOSSIER_TEST_TMP, removed on destruction.
class TempDir {
 public:
  explicit TempDir(const std::string& name) {
    static std::atomic<int> counter{0};
    path_ = std::string(DOSSIER_TEST_TMP) + "/" + name + "-" +
            std::to_string(::getpid()) + "-" + std::to_string(counter++);
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::string& path() const { return path_; }
  std::string Sub(const std::string& leaf) const { return path_ + "/" + leaf; }

 private:
  std::string path_;
};

}  // namespace dossier::testing

#endif  // DOSSIER_TESTS_GRAPH_TEST_UTIL_H_
