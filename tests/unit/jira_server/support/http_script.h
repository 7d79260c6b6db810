// http_script.h - scripted Jira answers for the mocked host's http_send:
// responses are registered by method + exact URL and served in order (the last
// one repeats); every request is captured with its headers, so tests can
// check signing (Authorization per attempt) without byte-comparing anything
// the host would compute.
//
// Both directions are strict: a request nobody scripted fails the test at
// once, and an answer scripted but never served fails it when the script is
// destroyed (at the end of the test), so a test cannot pass while a call it
// scripted was never made.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "ihp/plugin_abi.h"

namespace ih::jira::testing {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct CapturedRequest {
  std::string method;
  std::string url;
  Headers headers;
  std::string body;
  bool bodyPresent = false;
  uint32_t timeoutMs = 0;
  bool verifyTls = true;

  std::string header(const std::string& name) const;  // case-insensitive; "" when absent
};

struct CannedResponse {
  ihp_status transport = IHP_OK;  // non-OK: no HTTP response at all
  int32_t status = 200;
  Headers headers;
  std::string body;
};

inline CannedResponse respond(int32_t status, std::string body = {}, Headers headers = {}) {
  return CannedResponse{IHP_OK, status, std::move(headers), std::move(body)};
}
inline CannedResponse transportFailure(ihp_status status) { return CannedResponse{status, 0, {}, {}}; }

class HttpScript {
 public:
  HttpScript() = default;
  HttpScript(const HttpScript&) = delete;
  HttpScript& operator=(const HttpScript&) = delete;
  ~HttpScript();

  HttpScript& on(const std::string& method, const std::string& url, CannedResponse response);
  // An answer that may go unused: only for a fixture's plumbing call that
  // follows from many tests' main call without being what they test. A test
  // about that call scripts it with on(), which replaces the allowed answer
  // and is then required.
  HttpScript& allow(const std::string& method, const std::string& url, CannedResponse response);
  // Starts a new script, e.g. for the next round of a loop: the answers so far
  // must have been used, as at the end of the test; then every answer and
  // captured request is forgotten.
  void clear();
  CannedResponse handle(const CapturedRequest& request);

  const std::vector<CapturedRequest>& requests() const { return requests_; }
  std::vector<CapturedRequest> requestsTo(const std::string& method, const std::string& url) const;
  size_t count(const std::string& method, const std::string& url) const { return requestsTo(method, url).size(); }
  // "GET <url>: 1 of 2 answers never served", one line per route.
  std::vector<std::string> unusedAnswers() const;

 private:
  void expectAllAnswersUsed() const;

  std::map<std::pair<std::string, std::string>, std::vector<CannedResponse>> routes_;
  std::map<std::pair<std::string, std::string>, size_t> served_;
  std::set<std::pair<std::string, std::string>> optional_;  // allow()ed routes
  std::vector<CapturedRequest> requests_;
};

}  // namespace ih::jira::testing
