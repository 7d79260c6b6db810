// client/rate_limits.h - Jira DC's rate limit, honoured per integration: a
// token bucket fed by what Jira says about its own limiter (X-RateLimit-Limit,
// -Remaining, -Interval-Seconds, -FillRate, and Retry-After on a 429). Every
// call reserves a token before it is sent; when none is left the call waits
// for the refill (short waits) or is put off (long ones: the job comes back
// after that time). A limited Jira so sees calls at the pace it allows instead
// of bursts answered with 429, and a 429 stops every caller of the
// integration until Retry-After, not only the one that got it (no retry storm).
// Until Jira has sent its limits the calls are not paced.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>

#include "ihp/sdk/host.hpp"

namespace ih::jira {

class RateLimits {
 public:
  // Reserves one call for the integration and returns how long to wait
  // before sending it (0: now). When that is longer than maxWaitMs nothing is
  // reserved and the wait is returned, for the caller to put the call off.
  int64_t reserve(int64_t integrationId, int64_t nowMs, int64_t maxWaitMs);
  // Learns the limits from an answer (any status) of the integration's Jira.
  void observe(int64_t integrationId, const ihp::sdk::HttpResponse& response, int64_t nowMs);

 private:
  struct Bucket {
    double capacity = 0;
    double tokensPerMs = 0;
    double tokens = 0;  // below zero: calls reserved ahead of the refill
    int64_t refilledAtMs = 0;
    int64_t blockedUntilMs = 0;  // Retry-After of a 429 that came without a fill rate
  };
  static void refill(Bucket& bucket, int64_t nowMs);

  std::mutex mutex_;
  std::map<int64_t, Bucket> buckets_;
};

}  // namespace ih::jira
