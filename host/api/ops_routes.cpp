#include "api/ops_routes.h"

#include <Poco/Logger.h>

#include "api/json_response.h"
#include "ops/health.h"
#include "ops/metrics.h"
#include "storage/database.h"
#include "storage/query.h"

namespace ih::host::api {

namespace {

void probeDatabase(storage::Database& database) {
  std::unique_ptr<storage::UnitOfWork> uow = database.begin();
  storage::Query(*uow, "SELECT 1").scalarInt64();
}

http::Response health(ApiServices& services) {
  ops::HealthStatus status;
  try {
    probeDatabase(services.database);
    status = services.health.run();
  } catch (const std::exception& e) {
    status = ops::HealthStatus{false, "database", e.what()};
  }
  if (status.ok) return jsonResponse(200, [](JsonBuilder& b) { b.beginObject().field("status", "ok").endObject(); });
  Poco::Logger::get("ih.ops").warning("health check %s failed: %s", status.failedCheck, status.reason);
  return jsonResponse(503, [](JsonBuilder& b) { b.beginObject().field("status", "unavailable").endObject(); });
}

}  // namespace

void registerOpsRoutes(http::Router& router, ApiServices& services) {
  router.add("GET", "/healthz", [&services](http::RequestContext&) { return health(services); });
  router.add("GET", "/metrics", [&services](http::RequestContext&) {
    return http::Response::text(200, "text/plain; version=0.0.4; charset=utf-8", services.metrics.renderPrometheus());
  });
}

}  // namespace ih::host::api
