// host/api/ops_routes.h - GET /healthz and GET /metrics (no token).
//
// /healthz runs a trivial database query plus every registered HealthCheck
// probe: 200 {"status":"ok"}, or 503 {"status":"unavailable"} with the
// reason only in the log. /metrics renders the Prometheus text format
// (text/plain; version=0.0.4).
#pragma once

#include "api/api_services.h"
#include "http/router.h"

namespace ih::host::api {

void registerOpsRoutes(http::Router& router, ApiServices& services);

}  // namespace ih::host::api
