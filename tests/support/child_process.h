// A real OS process for end-to-end tests (the host, mock-jira), with stdout and stderr
// captured to files so they can be read while it runs and shown when a test fails.
// Servers announce readiness with one stdout line "listening on http://ADDR:PORT".
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <sys/types.h>
#include <vector>

#include "support/temp_dir.h"

namespace ih::testing {

class ChildProcess {
 public:
  static std::unique_ptr<ChildProcess> start(const std::string& exe, const std::vector<std::string>& args,
                                             const std::map<std::string, std::string>& extraEnv = {});
  ~ChildProcess();  // kills the process if it still runs
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // Waits for the "listening on http://ADDR:PORT" line and returns that URL; throws
  // std::runtime_error with the captured stderr on timeout or early exit.
  std::string waitForListening(std::chrono::milliseconds timeout = std::chrono::seconds(20));
  int port() const { return port_; }
  std::string baseUrl() const { return baseUrl_; }  // http://ADDR:PORT, after waitForListening

  // SIGTERM, wait up to `grace`, then SIGKILL. Returns the exit code (128+signal if killed
  // by a signal); later calls return the same code.
  int stop(std::chrono::milliseconds grace = std::chrono::seconds(10));
  // Waits for the process to end by itself; returns the exit code or -1 on timeout.
  int wait(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  bool running() const;
  pid_t pid() const { return pid_; }

  std::string stdoutText() const;
  std::string stderrText() const;

 private:
  ChildProcess() = default;
  bool reap(bool block) const;

  TempDir dir_;
  pid_t pid_ = -1;
  mutable bool exited_ = false;
  mutable int exitCode_ = -1;
  int port_ = 0;
  std::string baseUrl_;
};

}  // namespace ih::testing
