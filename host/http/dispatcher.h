// host/http/dispatcher.h - the server's request pipeline, independent of the
// network front: route -> handler (or the fallback that serves plugin
// routes) -> wait until what the request committed is durable
// (common/durability.h) -> error mapping -> metrics and access log. The front
// (http/server.h) reads each request whole, body included and within
// maxBodyBytes(), before it dispatches, so no handler ever waits on a socket.
//
// Metrics: ih_http_requests_total{route,method,status} and
// ih_http_request_duration_seconds_sum/_count{route}, where route is the
// matched pattern or "unmatched", so cardinality stays bounded and no secret
// from a path (webhook tokens) reaches a label or a log line. Thread-safe once
// built.
#pragma once

#include <cstddef>
#include <exception>
#include <functional>
#include <optional>

#include "http/request_context.h"
#include "http/response.h"
#include "http/router.h"

namespace ih::host::ops {
class Metrics;
}

namespace ih::host::http {

inline constexpr size_t kDefaultMaxBodyBytes = 1024 * 1024;

class Dispatcher {
 public:
  // Gets the request when no host route matched. Answers nullopt when it has
  // no route for it either; it sets ctx.routePattern when it has one.
  using Fallback = std::function<std::optional<Response>(RequestContext&)>;

  Dispatcher(const Router& router, ops::Metrics& metrics, size_t maxBodyBytes = kDefaultMaxBodyBytes);

  void setFallback(Fallback fallback) { fallback_ = std::move(fallback); }
  size_t maxBodyBytes() const { return maxBodyBytes_; }
  ops::Metrics& metrics() const { return metrics_; }

  // Answers a complete request (ctx.body holds the whole body). Never throws.
  // A response with sendOnceDone set is not recorded yet: the front calls
  // finish() once it is done.
  Response dispatch(RequestContext& ctx);
  // Ends a response that waited (Response::sendOnceDone) `seconds` after its
  // request was complete: the failure's answer replaces it if it failed;
  // recorded then. Never throws.
  void finish(const RequestContext& ctx, Response& response, std::exception_ptr failure, double seconds);
  // Records `answer` for a request the front refused before any handler saw
  // it (413 body too large, 503 busy) under its host route pattern, if one
  // matches, and returns it.
  Response refuse(RequestContext& ctx, Response answer);

 private:
  Response route(RequestContext& ctx);
  void record(const RequestContext& ctx, const Response& response, double seconds);

  const Router& router_;
  ops::Metrics& metrics_;
  size_t maxBodyBytes_;
  Fallback fallback_;
};

}  // namespace ih::host::http
