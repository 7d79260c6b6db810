// host/jobs/retry_policy.h - how long to wait before the next attempt.
//
// Exponential backoff with full jitter, capped: attempt n waits a random time
// in [base * 2^(n-1) / 2, base * 2^(n-1)], at most maxDelay. A remote
// Retry-After overrides the computed delay (but never exceeds maxDelay * 4).
// The first retry comes within 5 seconds by default, as the contract requires.
#pragma once

#include <cstdint>
#include <optional>

namespace ih::host::jobs {

struct RetryPolicy {
  uint32_t maxAttempts = 8;
  int64_t baseDelayMs = 1000;
  int64_t maxDelayMs = 5 * 60 * 1000;

  // Delay before attempt `nextAttempt` (2 = the first retry). `random01` is a
  // number in [0, 1) (injected so tests are deterministic).
  int64_t delayBeforeAttempt(uint32_t nextAttempt, double random01,
                             std::optional<int64_t> retryAfterMs = std::nullopt) const;
};

}  // namespace ih::host::jobs
