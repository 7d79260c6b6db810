#include "http/dispatcher.h"

#include <chrono>
#include <string>

#include <Poco/Logger.h>

#include "common/durability.h"
#include "common/errors.h"
#include "http/error_mapping.h"
#include "ops/access_log.h"
#include "ops/logging.h"
#include "ops/metrics.h"

namespace ih::host::http {

namespace {

std::string joinMethods(const std::vector<std::string>& methods) {
  std::string out;
  for (const auto& m : methods) out += (out.empty() ? "" : ", ") + m;
  return out;
}

// Methods are client input: anything unusual shares one label value.
std::string methodLabel(const std::string& method) {
  static const char* const known[] = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
  for (const char* k : known) {
    if (method == k) return method;
  }
  return "other";
}

}  // namespace

Dispatcher::Dispatcher(const Router& router, ops::Metrics& metrics, size_t maxBodyBytes)
    : router_(router), metrics_(metrics), maxBodyBytes_(maxBodyBytes) {
  metrics_.describe("ih_http_requests_total", "HTTP requests by route pattern, method and status.");
  metrics_.describe("ih_http_request_duration_seconds_sum", "Total seconds spent answering, by route pattern.");
  metrics_.describe("ih_http_request_duration_seconds_count", "Requests timed, by route pattern.");
}

Response Dispatcher::dispatch(RequestContext& ctx) {
  const auto started = std::chrono::steady_clock::now();
  Response response;
  try {
    response = route(ctx);
    // The answer is a promise (Jira never redelivers a webhook): it leaves
    // only once what the request committed is on disk (common/durability.h).
    settleOwedDurability();
  } catch (...) {
    forgetOwedDurability();
    response = errorResponse(std::current_exception(), ctx.routePattern);
  }
  if (response.sendOnceDone) return response;
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
  record(ctx, response, elapsed.count());
  return response;
}

void Dispatcher::finish(const RequestContext& ctx, Response& response, std::exception_ptr failure, double seconds) {
  response.sendOnceDone = nullptr;
  if (failure) response = errorResponse(failure, ctx.routePattern);
  record(ctx, response, seconds);
}

Response Dispatcher::refuse(RequestContext& ctx, Response answer) {
  RouteMatch match = router_.match(ctx.method, ctx.path);
  if (match.kind == RouteMatch::Kind::Found) ctx.routePattern = match.route->pattern;
  record(ctx, answer, 0.0);
  return answer;
}

Response Dispatcher::route(RequestContext& ctx) {
  RouteMatch match = router_.match(ctx.method, ctx.path);
  if (match.kind == RouteMatch::Kind::Found) {
    ctx.routePattern = match.route->pattern;
    ctx.pathParams = std::move(match.pathParams);
    return match.route->handler(ctx);
  }
  if (fallback_) {
    if (std::optional<Response> served = fallback_(ctx)) return std::move(*served);
  }
  if (match.kind == RouteMatch::Kind::MethodNotAllowed) {
    return Response::detail(405, "Method \"" + ctx.method + "\" not allowed.")
        .header("Allow", joinMethods(match.allowedMethods));
  }
  throw NotFoundError();
}

void Dispatcher::record(const RequestContext& ctx, const Response& response, double seconds) {
  const std::string status = std::to_string(response.status);
  metrics_.increment("ih_http_requests_total",
                     {{"route", ctx.routePattern}, {"method", methodLabel(ctx.method)}, {"status", status}});
  metrics_.increment("ih_http_request_duration_seconds_sum", {{"route", ctx.routePattern}}, seconds);
  metrics_.increment("ih_http_request_duration_seconds_count", {{"route", ctx.routePattern}});
  // Looked up once: Poco::Logger::get takes a process-wide mutex.
  static Poco::Logger& access = Poco::Logger::get(ops::kAccessLogger);
  if (!access.information()) return;
  if (ops::AccessLog* log = ops::processAccessLog()) {
    log->record(methodLabel(ctx.method), ctx.routePattern, response.status, seconds * 1000.0);
  } else {
    access.information("%s %s %d %.1fms", methodLabel(ctx.method), ctx.routePattern, response.status, seconds * 1000.0);
  }
}

}  // namespace ih::host::http
