// host/api/routes.h - every endpoint of the external contract, registered on
// one router, plus the fallback on the dispatcher: plugin routes, then the
// web app's files.
#pragma once

#include "api/api_services.h"
#include "http/dispatcher.h"
#include "http/router.h"

namespace ih::host::web {
class StaticSite;
}

namespace ih::host::api {

// Call once at start-up, before the server starts. `services` (and `site`)
// must outlive the router and dispatcher. With a site, paths no host or
// plugin route takes are the web app's (GET/HEAD).
void registerRoutes(http::Router& router, http::Dispatcher& dispatcher, ApiServices& services,
                    const web::StaticSite* site = nullptr);

}  // namespace ih::host::api
