#include "client/rate_limits.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>

#include "common/strings.h"

namespace ih::jira {

namespace {

std::optional<double> numberHeader(const ihp::sdk::HttpResponse& response, std::string_view name) {
  const std::string text = response.header(name);
  const std::string_view value = trimWhitespace(text);
  double number = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (ec != std::errc() || end != value.data() + value.size() || !std::isfinite(number) || number < 0) {
    return std::nullopt;
  }
  return number;
}

}  // namespace

void RateLimits::refill(Bucket& bucket, int64_t nowMs) {
  if (nowMs <= bucket.refilledAtMs) return;
  bucket.tokens = std::min(bucket.capacity, bucket.tokens + (nowMs - bucket.refilledAtMs) * bucket.tokensPerMs);
  bucket.refilledAtMs = nowMs;
}

int64_t RateLimits::reserve(int64_t integrationId, int64_t nowMs, int64_t maxWaitMs) {
  std::lock_guard lock(mutex_);
  auto found = buckets_.find(integrationId);
  if (found == buckets_.end()) return 0;  // Jira has not told its limits
  Bucket& bucket = found->second;
  refill(bucket, nowMs);
  // Without a fill rate (a bare 429) only Retry-After paces.
  const bool paced = bucket.tokensPerMs > 0;
  int64_t readyAtMs = std::max(nowMs, bucket.blockedUntilMs);
  if (paced && bucket.tokens < 1) {
    readyAtMs = std::max(readyAtMs, nowMs + static_cast<int64_t>(std::ceil((1 - bucket.tokens) / bucket.tokensPerMs - 1e-6)));
  }
  const int64_t waitMs = readyAtMs - nowMs;
  if (waitMs > maxWaitMs) return waitMs;
  if (paced) bucket.tokens -= 1;
  return waitMs;
}

void RateLimits::observe(int64_t integrationId, const ihp::sdk::HttpResponse& response, int64_t nowMs) {
  const auto limit = numberHeader(response, "X-RateLimit-Limit");
  const auto remaining = numberHeader(response, "X-RateLimit-Remaining");
  const auto fillRate = numberHeader(response, "X-RateLimit-FillRate");
  const auto interval = numberHeader(response, "X-RateLimit-Interval-Seconds");
  const bool limited = response.status == 429;
  if (!limit && !limited) return;  // this Jira does not limit us

  std::lock_guard lock(mutex_);
  auto [found, isNew] = buckets_.try_emplace(integrationId);
  Bucket& bucket = found->second;
  if (!isNew) refill(bucket, nowMs);
  bucket.refilledAtMs = std::max(bucket.refilledAtMs, nowMs);
  if (limit) bucket.capacity = *limit;
  if (fillRate && interval && *interval > 0) bucket.tokensPerMs = *fillRate / (*interval * 1000.0);
  // Jira's count is the truth, but calls reserved here and still in flight
  // are not in it yet: never believe in more tokens than we think are left.
  if (remaining) bucket.tokens = isNew ? *remaining : std::min(bucket.tokens, *remaining);
  if (limited) {
    const auto retryAfterSeconds = numberHeader(response, "Retry-After");
    const int64_t retryAfterMs = retryAfterSeconds ? static_cast<int64_t>(*retryAfterSeconds * 1000) : 1000;
    if (bucket.tokensPerMs > 0) {
      // One token is back after Retry-After; the callers queue behind it at
      // the fill rate instead of all going at once when it ends.
      bucket.tokens = std::min(bucket.tokens, 1 - retryAfterMs * bucket.tokensPerMs);
    } else {
      bucket.blockedUntilMs = std::max(bucket.blockedUntilMs, nowMs + retryAfterMs);
    }
  }
}

}  // namespace ih::jira
