// The mock-jira binary as a test fixture: starts build/bin/mock-jira with a seed written
// to a temporary file, waits until it listens, and offers the control API and Jira calls.
// Jira specifics live here, apart from the generic helpers.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "support/child_process.h"
#include "support/http_client.h"
#include "support/temp_dir.h"

namespace ih::testing {

// One request of the mock's journal (GET /_mock/journal), as tests look at it.
struct JournalEntry {
  std::string method;
  std::string path;  // without the context path
  std::string body;
  int status = 0;
  std::string authorization;
  int64_t timeMs = 0;  // when the mock served it
};

class MockJiraProcess {
 public:
  // extraArgs are appended to `--port 0 --seed <file>` (e.g. {"--context-path", "/jira"}).
  // An empty seedJson starts without --seed.
  static std::unique_ptr<MockJiraProcess> start(const std::string& seedJson,
                                                const std::vector<std::string>& extraArgs = {});

  const std::string& rootUrl() const { return rootUrl_; }  // http://127.0.0.1:PORT (control API)
  const std::string& baseUrl() const { return baseUrl_; }  // Jira's configured base URL (may name another host)
  const std::string& contextPath() const { return contextPath_; }
  // A control call: method and path under the root ("/_mock/..."), JSON body.
  HttpResponse control(const std::string& method, const std::string& path, const std::string& json = "") const;
  // A Jira call under the context path, sent to this process ("/rest/api/2/myself").
  HttpResponse jira(const std::string& method, const std::string& path, const std::string& body = "",
                    const std::map<std::string, std::string>& headers = {}) const;
  // The journal's requests with this method and Jira-relative path, oldest first; an empty
  // method or path matches any.
  std::vector<JournalEntry> journal(const std::string& method = "", const std::string& path = "") const;
  // SIGTERM and wait; returns the exit code.
  int stop();
  ChildProcess& process() { return *process_; }
  const TempDir& dir() const { return dir_; }

 private:
  MockJiraProcess() = default;

  TempDir dir_;
  std::unique_ptr<ChildProcess> process_;
  std::string rootUrl_;
  std::string baseUrl_;
  std::string contextPath_;
};

}  // namespace ih::testing
