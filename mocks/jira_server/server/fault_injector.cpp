#include "server/fault_injector.h"

#include "common/json.h"
#include "common/path_filter.h"

namespace ih::mock {

void FaultInjector::add(FaultRule rule) {
  std::lock_guard lock(mutex_);
  rules_.push_back(std::move(rule));
}

void FaultInjector::clear() {
  std::lock_guard lock(mutex_);
  rules_.clear();
}

std::optional<FaultRule> FaultInjector::take(const std::string& method, const std::string& path,
                                             const std::string& contextPath) {
  std::lock_guard lock(mutex_);
  for (auto it = rules_.begin(); it != rules_.end(); ++it) {
    bool methodMatches = it->method.empty() || it->method == "*" || lowercase(it->method) == lowercase(method);
    if (!methodMatches || !pathMatches(it->path, path, contextPath)) continue;
    FaultRule taken = *it;
    if (--it->count <= 0) rules_.erase(it);
    return taken;
  }
  return std::nullopt;
}

std::string FaultInjector::json() const {
  std::lock_guard lock(mutex_);
  json::JsonBuilder out;
  out.beginArray();
  for (const auto& rule : rules_) {
    // Which requests, how many, when, and how they fail.
    out.beginObject().field("method", rule.method).field("path", rule.path).field("count", rule.count);
    out.field("delayBeforeMs", rule.delayBeforeMs).field("delayMs", rule.delayMs);
    out.field("status", rule.status).field("retryAfter", rule.retryAfter).field("reset", rule.reset);
    out.field("dropAnswer", rule.dropAnswer).endObject();
  }
  out.endArray();
  return out.str();
}

HttpResponse faultResponse(const FaultRule& rule) {
  json::JsonBuilder out;
  if (rule.status == 429) {
    out.beginObject().field("message", "Rate limit exceeded.").field("status-code", 429).endObject();
  } else {
    out.beginObject().key("errorMessages").beginArray().value("mock-jira injected fault: HTTP " + std::to_string(rule.status))
        .endArray().key("errors").beginObject().endObject().endObject();
  }
  auto response = HttpResponse::json(rule.status, out.str());
  if (rule.status == 429) {
    const int retryAfter = rule.retryAfter >= 0 ? rule.retryAfter : 1;
    response.setHeader("x-ratelimit-limit", "100");
    response.setHeader("x-ratelimit-remaining", "0");
    response.setHeader("x-ratelimit-interval-seconds", "1");
    response.setHeader("x-ratelimit-fillrate", "10");
    response.setHeader("retry-after", std::to_string(retryAfter));
  } else if (rule.retryAfter >= 0) {
    response.setHeader("retry-after", std::to_string(rule.retryAfter));
  }
  return response;
}

}  // namespace ih::mock
