// Control routes for looking at and perturbing traffic: the journal, fault rules and the
// replay status.
#include "common/json.h"
#include "common/wall_clock.h"
#include "control/control_router.h"

namespace ih::mock {
namespace {

HttpResponse addFault(ControlServices& services, const RestCall& call) {
  auto body = call.jsonBody();
  FaultRule rule;
  rule.method = json::string(body, "method").value_or("");
  rule.path = json::string(body, "path").value_or("");
  rule.status = static_cast<int>(json::int64(body, "status").value_or(0));
  rule.count = static_cast<int>(json::int64(body, "count").value_or(1));
  rule.delayMs = static_cast<int>(json::int64(body, "delayMs").value_or(0));
  rule.delayBeforeMs = static_cast<int>(json::int64(body, "delayBeforeMs").value_or(0));
  rule.retryAfter = static_cast<int>(json::int64(body, "retryAfter").value_or(-1));
  rule.reset = json::boolean(body, "reset").value_or(false);
  rule.dropAnswer = json::boolean(body, "dropAnswer").value_or(false);
  if (rule.path.empty()) return controlError(400, "path is required (use \"*\" for every path)");
  if (rule.count < 1) return controlError(400, "count must be at least 1");
  if (rule.delayMs < 0 || rule.delayBeforeMs < 0) return controlError(400, "a delay cannot be negative");
  if (rule.status == 0 && rule.delayMs == 0 && rule.delayBeforeMs == 0 && !rule.reset && !rule.dropAnswer) {
    return controlError(400, "give status, delayMs, delayBeforeMs, reset or dropAnswer");
  }
  if (rule.dropAnswer && (rule.status != 0 || rule.reset)) {
    return controlError(400, "dropAnswer serves the request: it cannot also fail it (status, reset)");
  }
  if (rule.status != 0 && (rule.status < 100 || rule.status > 511)) return controlError(400, "status must be 100..511");
  services.faults.add(rule);
  return HttpResponse::json(200, services.faults.json());
}

}  // namespace

void registerDiagnosticControls(ControlRegistry& registry, ControlServices& services) {
  registry.add("GET", "/_mock/journal", "Jira requests served, ?path= filters (exact or trailing *)",
               [&](const RestCall& call) {
                 return HttpResponse::json(
                     200, services.journal.json(call.request.queryParam("path").value_or(""), services.config.contextPath));
               });
  registry.add("DELETE", "/_mock/journal", "clear the journal", [&](const RestCall&) {
    services.journal.clear();
    return HttpResponse::noContent();
  });
  registry.add("GET", "/_mock/faults", "active fault rules", [&](const RestCall&) {
    return HttpResponse::json(200, services.faults.json());
  });
  registry.add("POST", "/_mock/faults",
               "{method, path, status?, count, delayMs?, delayBeforeMs?, retryAfter?, reset?, dropAnswer?}",
               [&](const RestCall& call) { return addFault(services, call); });
  registry.add("DELETE", "/_mock/faults", "remove every fault rule", [&](const RestCall&) {
    services.faults.clear();
    return HttpResponse::noContent();
  });
  registry.add("GET", "/_mock/rate-limit",
               "the REST rate limiter (POST /_mock/settings rateLimit) and its counts {enabled, capacity, fillRate, "
               "intervalSeconds, remaining, allowed, limited}",
               [&](const RestCall&) { return HttpResponse::json(200, services.rateLimiter.json(nowMillis())); });
  registry.add("GET", "/_mock/replay", "replay mode: {complete, used, unused, unmatched}", [&](const RestCall&) {
    if (services.replayer == nullptr) return controlError(404, "not in replay mode");
    return HttpResponse::json(200, services.replayer->statusJson());
  });
}

}  // namespace ih::mock
