// host/http/dispatcher.h - the server's request pipeline, independent of Poco:
// route -> read the body under the limit -> handler (or the fallback that
// serves plugin routes) -> error mapping -> metrics and access log.
//
// Metrics: ih_http_requests_total{route,method,status} and
// ih_http_request_duration_seconds_sum/_count{route}, where route is the
// matched pattern or "unmatched", so cardinality stays bounded and no secret
// from a path (webhook tokens) reaches a label or a log line. Thread-safe once
// built.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <istream>
#include <optional>

#include "http/body_limit.h"
#include "http/request_context.h"
#include "http/response.h"
#include "http/router.h"

namespace ih::host::ops {
class Metrics;
}

namespace ih::host::http {

class Dispatcher {
 public:
  // Gets the request when no host route matched. Answers nullopt when it has
  // no route for it either; it sets ctx.routePattern when it has one.
  using Fallback = std::function<std::optional<Response>(RequestContext&)>;

  Dispatcher(const Router& router, ops::Metrics& metrics, size_t maxBodyBytes = kDefaultMaxBodyBytes);

  void setFallback(Fallback fallback) { fallback_ = std::move(fallback); }
  size_t maxBodyBytes() const { return maxBodyBytes_; }

  // Never throws. contentLength < 0 = not declared.
  Response dispatch(RequestContext& ctx, std::istream& body, int64_t contentLength);

 private:
  Response route(RequestContext& ctx, std::istream& body, int64_t contentLength);
  void record(const RequestContext& ctx, const Response& response, double seconds);

  const Router& router_;
  ops::Metrics& metrics_;
  size_t maxBodyBytes_;
  Fallback fallback_;
};

}  // namespace ih::host::http
