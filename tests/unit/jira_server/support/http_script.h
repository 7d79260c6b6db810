// http_script.h - scripted Jira answers for the mocked host's http_send:
// responses are registered by method + exact URL and served in order (the last
// one repeats); every request is captured with its headers, so tests can
// check signing (Authorization per attempt) without byte-comparing anything
// the host would compute.
#pragma once

#include <cstdint>
#include <map>
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
  HttpScript& on(const std::string& method, const std::string& url, CannedResponse response);
  CannedResponse handle(const CapturedRequest& request);

  const std::vector<CapturedRequest>& requests() const { return requests_; }
  std::vector<CapturedRequest> requestsTo(const std::string& method, const std::string& url) const;
  size_t count(const std::string& method, const std::string& url) const { return requestsTo(method, url).size(); }

 private:
  std::map<std::pair<std::string, std::string>, std::vector<CannedResponse>> routes_;
  std::map<std::pair<std::string, std::string>, size_t> served_;
  std::vector<CapturedRequest> requests_;
};

}  // namespace ih::jira::testing
