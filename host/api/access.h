// host/api/access.h - authentication and organization access checks shared by
// the REST routes and the plugin-route dispatch.
//
// A request authenticates with `Authorization: Bearer <token>` (scripts; the
// header wins when both are sent) or with the web app's session cookie. A
// cookie-authenticated request that may change something (any method but
// GET, HEAD, OPTIONS) must also carry the session's CSRF token in
// X-CSRF-Token: a browser attaches the cookie to requests other sites make
// it send, but only our own pages can read the token.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "api/api_services.h"
#include "auth/permissions.h"
#include "auth/principal.h"
#include "http/request_context.h"
#include "storage/records.h"
#include "storage/sign_in_repositories.h"
#include "storage/unit_of_work.h"

namespace ih::host::api {

struct Authentication {
  auth::Principal principal;
  std::optional<storage::SessionRow> session;  // cookie requests only
  std::string sessionToken;                    // the cookie's value
};

// Who is calling (also stored in ctx.principal). UnauthorizedError without
// valid credentials; ForbiddenError for a cookie request that needs the CSRF
// token and lacks it.
Authentication authenticateRequest(http::RequestContext& ctx, storage::UnitOfWork& uow, ApiServices& services);
auth::Principal authenticate(http::RequestContext& ctx, storage::UnitOfWork& uow, ApiServices& services);

// The session cookie's value when the request carries one and no
// Authorization header (the cases a cookie decides).
std::optional<std::string> presentedSessionToken(const http::RequestContext& ctx);

// The organization `slug`, after checking the principal may act there with
// `needed` (403 for non-members and unknown slugs, 404 for the superuser).
storage::Organization authorizeOrganization(storage::UnitOfWork& uow, ApiServices& services,
                                            const auth::Principal& principal, std::string_view slug,
                                            auth::OrgPermission needed);

// ForbiddenError unless the plugin is enabled for the organization.
void requirePluginEnabled(storage::UnitOfWork& uow, ApiServices& services, int64_t organizationId,
                          std::string_view pluginKey);

}  // namespace ih::host::api
