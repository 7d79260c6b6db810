// client/response_cache.h - what the plugin keeps from Jira's responses
// across calls: GET bodies (240 s, as Sentry caches its Jira reads) and each
// integration's rate limits (client/rate_limits.h). Keys include the
// integration id, so two integrations pointing at the same Jira never share
// entries (Sentry keys by URL only, which can leak one identity's view to
// another).
#pragma once

#include <cstdint>
#include <string>

#include "client/rate_limits.h"
#include "client/ttl_cache.h"

namespace ih::jira {

class ResponseCache {
 public:
  static constexpr int64_t kTtlMs = 240'000;
  static constexpr size_t kMaxEntries = 2048;

  ResponseCache() : cache_(kTtlMs, kMaxEntries) {}

  std::optional<std::string> get(int64_t integrationId, const std::string& url, int64_t nowMs) const {
    return cache_.get(key(integrationId, url), nowMs);
  }
  void put(int64_t integrationId, const std::string& url, std::string body, int64_t nowMs) {
    cache_.put(key(integrationId, url), std::move(body), nowMs);
  }
  RateLimits& rateLimits() { return rateLimits_; }

 private:
  static std::string key(int64_t integrationId, const std::string& url) {
    return std::to_string(integrationId) + " " + url;
  }

  TtlCache<std::string, std::string> cache_;
  RateLimits rateLimits_;
};

}  // namespace ih::jira
