// Jira DC's REST rate limiter, as a token bucket over every /rest/ call (one bucket for all
// callers): each call takes a token; `fillRate` tokens come back every `intervalSeconds`, up
// to `capacity`. Answers carry X-RateLimit-Limit / -Remaining / -Interval-Seconds / -FillRate
// as Jira sends them; an empty bucket answers 429 with Retry-After (whole seconds until a token
// is back). Off until configured through POST /_mock/settings {"rateLimit"}; counts what it let
// through and what it refused (GET /_mock/rate-limit), so tests can compare clients.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

#include "common/http_types.h"

namespace ih::mock {

struct RateLimitSettings {
  int capacity = 10;
  int fillRate = 10;        // tokens added per interval
  int intervalSeconds = 1;
};

class RateLimiter {
 public:
  void configure(const RateLimitSettings& settings, std::int64_t nowMs);
  void disable();
  // For a call to `jiraPath` (relative to the context path): none when the limiter is off or
  // the path is not a REST path; otherwise the call's verdict. A refusal is the whole 429.
  struct Verdict {
    bool allowed = true;
    HttpResponse refusal;
  };
  std::optional<Verdict> take(const std::string& jiraPath, std::int64_t nowMs);
  // Adds the X-RateLimit-* headers of the current bucket (after a take) to an answer.
  void annotate(HttpResponse& response, std::int64_t nowMs);
  // {"enabled","capacity","fillRate","intervalSeconds","remaining","allowed","limited"}
  std::string json(std::int64_t nowMs);
  // {"capacity","fillRate","intervalSeconds"}, or null when off (as POST /_mock/settings takes it).
  std::string settingsJson();

 private:
  void refill(std::int64_t nowMs);  // the caller holds mutex_
  void setHeaders(HttpResponse& response) const;

  std::mutex mutex_;
  bool enabled_ = false;
  RateLimitSettings settings_;
  double tokens_ = 0;
  std::int64_t lastRefillMs_ = 0;
  std::int64_t allowed_ = 0;
  std::int64_t limited_ = 0;
};

}  // namespace ih::mock
