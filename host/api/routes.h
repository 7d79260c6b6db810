// host/api/routes.h - every endpoint of the external contract, registered on
// one router, plus the plugin-route fallback on the dispatcher.
#pragma once

#include "api/api_services.h"
#include "http/dispatcher.h"
#include "http/router.h"

namespace ih::host::api {

// Call once at start-up, before the server starts. `services` must outlive
// the router and dispatcher.
void registerRoutes(http::Router& router, http::Dispatcher& dispatcher, ApiServices& services);

}  // namespace ih::host::api
