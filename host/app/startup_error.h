// host/app/startup_error.h - a start-up failure with the process exit code it
// maps to (sysexits.h style: 64 usage, 69 unavailable, 73 cannot create,
// 78 configuration).
// The message is the one line printed on stderr.
#pragma once

#include <stdexcept>
#include <string>

namespace ih::host::app {

inline constexpr int kExitUsage = 64;
inline constexpr int kExitUnavailable = 69;
inline constexpr int kExitSoftware = 70;
inline constexpr int kExitCantCreate = 73;
inline constexpr int kExitConfig = 78;

class StartupError : public std::runtime_error {
 public:
  StartupError(int exitCode, const std::string& message) : std::runtime_error(message), exitCode_(exitCode) {}
  int exitCode() const { return exitCode_; }

 private:
  int exitCode_;
};

}  // namespace ih::host::app
