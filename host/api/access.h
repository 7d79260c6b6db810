// host/api/access.h - authentication and organization access checks shared by
// the REST routes and the plugin-route dispatch.
#pragma once

#include <optional>
#include <string_view>

#include "api/api_services.h"
#include "auth/permissions.h"
#include "auth/principal.h"
#include "http/request_context.h"
#include "storage/records.h"
#include "storage/unit_of_work.h"

namespace ih::host::api {

// The bearer token's principal (401 UnauthorizedError otherwise); also stored
// in ctx.principal.
auth::Principal authenticate(http::RequestContext& ctx, storage::UnitOfWork& uow, ApiServices& services);

// The organization `slug`, after checking the principal may act there with
// `needed` (403 for non-members and unknown slugs, 404 for the superuser).
storage::Organization authorizeOrganization(storage::UnitOfWork& uow, ApiServices& services,
                                            const auth::Principal& principal, std::string_view slug,
                                            auth::OrgPermission needed);

// ForbiddenError unless the plugin is enabled for the organization.
void requirePluginEnabled(storage::UnitOfWork& uow, ApiServices& services, int64_t organizationId,
                          std::string_view pluginKey);

}  // namespace ih::host::api
