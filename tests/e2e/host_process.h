// tests/e2e/host_process.h - build/bin/integration-host as a real process for
// end-to-end tests: started on --port 0 with a data dir and plugins dir the
// test chooses, plus a JSON-over-HTTP helper bound to its address.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "support/child_process.h"
#include "support/http_client.h"

namespace ih::e2e {

struct Reply {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // lowercase names
  rapidjson::Document json;                    // null when the body is not JSON

  std::string str(const char* key) const;
  std::string describe() const { return std::to_string(status) + " " + body; }
};

struct HostLaunch {
  std::string dataDir;
  std::string pluginsDir;
  std::string adminToken;  // empty = no --admin-token
  uint16_t port = 0;       // 0 = a free one (restarts pass the previous port)
  std::vector<std::string> extraArgs;
  std::map<std::string, std::string> env = {{"INTEGRATION_HOST_ADMIN_TOKEN", ""}};
};

class HostProcess {
 public:
  // Starts the host and waits for "listening on"; throws with its stderr otherwise.
  explicit HostProcess(const HostLaunch& launch);

  static std::string executable();
  // Runs the host to completion (for option errors); returns the exit code.
  static int runToExit(const std::vector<std::string>& args, std::string* stderrText = nullptr,
                       std::string* stdoutText = nullptr);

  ih::testing::ChildProcess& process() { return *process_; }
  const std::string& baseUrl() const { return baseUrl_; }

  // token "" = no Authorization header.
  Reply call(const std::string& method, const std::string& path, const std::string& token,
             const std::string& body = "");
  Reply get(const std::string& path, const std::string& token) { return call("GET", path, token); }
  Reply post(const std::string& path, const std::string& body, const std::string& token) {
    return call("POST", path, token, body);
  }
  Reply put(const std::string& path, const std::string& body, const std::string& token) {
    return call("PUT", path, token, body);
  }
  // No acknowledged webhook request is waiting to be applied (the host's
  // webhook inbox is empty, on every host of its database).
  bool inboxDrained();

 private:
  std::unique_ptr<ih::testing::ChildProcess> process_;
  std::string baseUrl_;
};

}  // namespace ih::e2e
