// host/app/data_dir.h - the data directory and the secrets generated into it.
//
// The directory is created with mode 0700. The admin token comes from the
// --admin-token option, else the INTEGRATION_HOST_ADMIN_TOKEN environment
// variable, else <data-dir>/admin-token, which is generated (32 random bytes
// as hex, mode 0600) on first start. Only the file's path is ever logged.
#pragma once

#include <optional>
#include <string>

namespace ih::host::app {

// Throws StartupError (73) when the directory cannot be created.
void ensureDataDir(const std::string& dir);

struct AdminToken {
  std::string token;
  std::string source;  // "--admin-token", "INTEGRATION_HOST_ADMIN_TOKEN" or the file path
};

AdminToken resolveAdminToken(const std::optional<std::string>& option, const char* environmentValue,
                             const std::string& dataDir);

}  // namespace ih::host::app
