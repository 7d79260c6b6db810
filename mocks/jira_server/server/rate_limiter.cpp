#include "server/rate_limiter.h"

#include <algorithm>
#include <cmath>

#include "common/json.h"

namespace ih::mock {

void RateLimiter::configure(const RateLimitSettings& settings, std::int64_t nowMs) {
  std::lock_guard lock(mutex_);
  enabled_ = true;
  settings_ = settings;
  tokens_ = settings.capacity;
  lastRefillMs_ = nowMs;
  allowed_ = 0;
  limited_ = 0;
}

void RateLimiter::disable() {
  std::lock_guard lock(mutex_);
  enabled_ = false;
}

void RateLimiter::refill(std::int64_t nowMs) {
  const double perMs = static_cast<double>(settings_.fillRate) / (settings_.intervalSeconds * 1000.0);
  tokens_ = std::min<double>(settings_.capacity, tokens_ + std::max<std::int64_t>(0, nowMs - lastRefillMs_) * perMs);
  lastRefillMs_ = std::max(lastRefillMs_, nowMs);
}

void RateLimiter::setHeaders(HttpResponse& response) const {
  response.setHeader("x-ratelimit-limit", std::to_string(settings_.capacity));
  response.setHeader("x-ratelimit-remaining", std::to_string(static_cast<int>(std::floor(std::max(0.0, tokens_)))));
  response.setHeader("x-ratelimit-interval-seconds", std::to_string(settings_.intervalSeconds));
  response.setHeader("x-ratelimit-fillrate", std::to_string(settings_.fillRate));
}

std::optional<RateLimiter::Verdict> RateLimiter::take(const std::string& jiraPath, std::int64_t nowMs) {
  std::lock_guard lock(mutex_);
  if (!enabled_ || jiraPath.rfind("/rest/", 0) != 0) return std::nullopt;
  refill(nowMs);
  Verdict verdict;
  if (tokens_ >= 1) {
    tokens_ -= 1;
    ++allowed_;
    return verdict;
  }
  ++limited_;
  verdict.allowed = false;
  const double perSecond = static_cast<double>(settings_.fillRate) / settings_.intervalSeconds;
  const auto retryAfter = static_cast<int>(std::max(1.0, std::ceil((1 - tokens_) / perSecond)));
  json::JsonBuilder body;
  body.beginObject().field("message", "Rate limit exceeded.").field("status-code", 429).endObject();
  verdict.refusal = HttpResponse::json(429, body.str());
  setHeaders(verdict.refusal);
  verdict.refusal.setHeader("retry-after", std::to_string(retryAfter));
  return verdict;
}

void RateLimiter::annotate(HttpResponse& response, std::int64_t nowMs) {
  std::lock_guard lock(mutex_);
  if (!enabled_) return;
  refill(nowMs);
  setHeaders(response);
}

std::string RateLimiter::json(std::int64_t nowMs) {
  std::lock_guard lock(mutex_);
  if (enabled_) refill(nowMs);
  json::JsonBuilder out;
  out.beginObject().field("enabled", enabled_).field("capacity", settings_.capacity)
      .field("fillRate", settings_.fillRate).field("intervalSeconds", settings_.intervalSeconds)
      .field("remaining", static_cast<std::int64_t>(std::floor(std::max(0.0, tokens_))))
      .field("allowed", allowed_).field("limited", limited_).endObject();
  return out.str();
}

std::string RateLimiter::settingsJson() {
  std::lock_guard lock(mutex_);
  if (!enabled_) return "null";
  json::JsonBuilder out;
  out.beginObject().field("capacity", settings_.capacity).field("fillRate", settings_.fillRate)
      .field("intervalSeconds", settings_.intervalSeconds).endObject();
  return out.str();
}

}  // namespace ih::mock
