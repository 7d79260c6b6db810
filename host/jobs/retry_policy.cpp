// host/jobs/retry_policy.cpp - see retry_policy.h.
#include "jobs/retry_policy.h"

#include <algorithm>
#include <cmath>

namespace ih::host::jobs {

int64_t RetryPolicy::ceilingBeforeAttempt(uint32_t nextAttempt) const {
  const uint32_t retry = nextAttempt < 2 ? 1 : nextAttempt - 1;  // 1 = the first retry
  // base * 2^(retry-1), computed without overflow and capped at maxDelay.
  int64_t ceiling = std::max<int64_t>(baseDelayMs, 0);
  for (uint32_t i = 1; i < retry && ceiling < maxDelayMs; ++i) ceiling *= 2;
  return std::clamp<int64_t>(ceiling, 0, std::max<int64_t>(maxDelayMs, 0));
}

int64_t RetryPolicy::delayBeforeAttempt(uint32_t nextAttempt, double random01,
                                        std::optional<int64_t> retryAfterMs) const {
  if (retryAfterMs) return std::clamp<int64_t>(*retryAfterMs, 0, maxDelayMs * 4);
  const int64_t ceiling = ceilingBeforeAttempt(nextAttempt);
  // Uniform over the ceiling + 1 whole milliseconds 0..ceiling.
  const double point = std::clamp(random01, 0.0, 1.0) * static_cast<double>(ceiling + 1);
  return std::min(static_cast<int64_t>(std::floor(point)), ceiling);
}

}  // namespace ih::host::jobs
