// Faults as data: "the next N requests matching method+path fail with status S (with
// Retry-After and DC rate-limit headers for 429), are delayed (before they are served or
// after), have their connection
// reset, or are applied and then lose their answer". Rules are consumed in the order
// they were added.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/http_types.h"

namespace ih::mock {

struct FaultRule {
  std::string method;  // "" or "*" = any
  std::string path;    // exact or trailing '*', Jira-relative or full
  int status = 0;      // 0 = answer normally (after the delay)
  int count = 1;
  int delayMs = 0;  // the answer waits, after the request was served
  // The request waits before it is served, so it sees what changed meanwhile:
  // a Jira whose request queue is long. delayMs holds back an answer already
  // made; this holds back the request's reading of Jira's state.
  int delayBeforeMs = 0;
  int retryAfter = -1;  // seconds; -1 = default for 429 / none otherwise
  bool reset = false;   // abortive close instead of any answer
  // The request is served (its change happens) but the connection is closed
  // without an answer: what a client sees when Jira applied a POST and the
  // network or the client died before the response arrived.
  bool dropAnswer = false;
};

class FaultInjector {
 public:
  void add(FaultRule rule);
  void clear();
  // Consumes one use of the first matching rule.
  std::optional<FaultRule> take(const std::string& method, const std::string& path, const std::string& contextPath);
  std::string json() const;

 private:
  mutable std::mutex mutex_;
  std::vector<FaultRule> rules_;
};

// The answer a failing rule produces (status and body; the caller applies delay and reset).
HttpResponse faultResponse(const FaultRule& rule);

}  // namespace ih::mock
