#include "app/data_dir.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/startup_error.h"
#include "auth/crypto.h"
#include "common/strings.h"

namespace ih::host::app {

namespace {

std::string systemError(const std::string& what, const std::string& path) {
  return what + " " + path + ": " + std::strerror(errno);
}

std::optional<std::string> readToken(const std::string& path) {
  // A directory (or anything else) where the token file must be: the file
  // cannot be created, which is not a usage error.
  std::error_code error;
  if (std::filesystem::exists(path, error) && !std::filesystem::is_regular_file(path, error)) {
    throw StartupError(kExitCantCreate, "cannot create " + path + ": something that is not a file is in the way");
  }
  std::ifstream in(path);
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  std::string token(trim(text.str()));
  if (token.empty()) throw StartupError(kExitUsage, "the admin token file " + path + " is empty");
  return token;
}

// O_EXCL: two hosts starting on one data dir never overwrite each other's token.
std::string generateToken(const std::string& path) {
  const std::string token = auth::randomHex(32);
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) {
      if (auto existing = readToken(path)) return *existing;
    }
    throw StartupError(kExitCantCreate, systemError("cannot create", path));
  }
  const std::string line = token + "\n";
  const bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
  ::close(fd);
  if (!written) throw StartupError(kExitCantCreate, systemError("cannot write", path));
  return token;
}

}  // namespace

void ensureDataDir(const std::string& dir) {
  std::error_code error;
  const bool created = std::filesystem::create_directories(dir, error);
  if (error) throw StartupError(kExitCantCreate, "cannot create data directory " + dir + ": " + error.message());
  // Secrets live here: a directory we create is for the owner only. An
  // existing one keeps the mode its administrator chose.
  if (created && ::chmod(dir.c_str(), 0700) != 0) throw StartupError(kExitCantCreate, systemError("cannot chmod", dir));
}

AdminToken resolveAdminToken(const std::optional<std::string>& option, const char* environmentValue,
                             const std::string& dataDir) {
  if (option && !option->empty()) return AdminToken{*option, "--admin-token"};
  if (environmentValue != nullptr && *environmentValue != '\0') {
    return AdminToken{environmentValue, "INTEGRATION_HOST_ADMIN_TOKEN"};
  }
  const std::string path = (std::filesystem::path(dataDir) / "admin-token").string();
  if (auto existing = readToken(path)) return AdminToken{*existing, path};
  return AdminToken{generateToken(path), path};
}

}  // namespace ih::host::app
