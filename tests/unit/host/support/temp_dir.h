// tests/unit/host/support/temp_dir.h - a fresh directory under the system
// temp dir, removed with everything in it when the object goes away.
// (Local stand-in until tests/support offers ih::testing::TempDir.)
#pragma once

#include <filesystem>
#include <string>

namespace ih::test {

class TempDir {
 public:
  explicit TempDir(const std::string& prefix = "ih-unit");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace ih::test
