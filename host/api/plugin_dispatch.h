// host/api/plugin_dispatch.h - serves the routes plugins declare under
// /extensions/ (webhooks, search endpoints), as the HTTP dispatcher's
// fallback for paths no host route matched.
//
// IHP_ROUTE_ORG_MEMBER routes need a member's bearer token for the {org}
// path parameter and the plugin enabled there (403 otherwise);
// IHP_ROUTE_PUBLIC routes need nothing. The plugin's storage writes join the
// request's unit of work, committed only when the hook returned IHP_OK with
// an HTTP status below 500. With an inbox, public routes are called in the
// ACCEPT phase: a request the plugin defers is stored with the others
// arriving at the same time, and the answer goes out once that commit is
// durable (inbox/inbox_appender.h): it carries Response::sendOnceDone, so the
// event loop serves other connections meanwhile. Logs and metrics name the
// route pattern, never the raw path (webhook tokens live in paths).
#pragma once

#include <optional>

#include "api/api_services.h"
#include "http/request_context.h"
#include "http/response.h"

namespace ih::host::api {

std::optional<http::Response> dispatchPluginRoute(ApiServices& services, http::RequestContext& ctx);

}  // namespace ih::host::api
