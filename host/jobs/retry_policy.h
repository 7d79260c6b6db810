// host/jobs/retry_policy.h - how long to wait before the next attempt.
//
// Exponential backoff with full jitter (AWS's "Exponential Backoff And
// Jitter"): retry n (1 = the first) waits a uniformly random time in
// [0, min(maxDelay, base * 2^(n-1))]. Full rather than equal jitter because a
// Jira outage fails many jobs at the same moment, and spreading their retries
// over the whole window keeps them from coming back in a herd; the cost is
// that an unlucky retry may come early, which only a Retry-After can forbid.
// A remote Retry-After overrides the computed delay (but never exceeds
// maxDelay * 4). With the default base (1 s, at most 5 s) the first retry
// comes within 5 seconds, as the contract requires.
#pragma once

#include <cstdint>
#include <optional>

namespace ih::host::jobs {

struct RetryPolicy {
  uint32_t maxAttempts = 8;
  int64_t baseDelayMs = 1000;
  int64_t maxDelayMs = 5 * 60 * 1000;

  // The upper end of the window before attempt `nextAttempt` (2 = the first
  // retry): min(maxDelay, base * 2^(nextAttempt-2)).
  int64_t ceilingBeforeAttempt(uint32_t nextAttempt) const;

  // Delay before attempt `nextAttempt`. `random01` is a number in [0, 1)
  // (injected so tests are deterministic); it picks the point of the window
  // [0, ceiling], both ends included.
  int64_t delayBeforeAttempt(uint32_t nextAttempt, double random01,
                             std::optional<int64_t> retryAfterMs = std::nullopt) const;
};

}  // namespace ih::host::jobs
