#include "api/access.h"

#include "auth/bearer_authenticator.h"
#include "common/errors.h"
#include "domain/directory_service.h"
#include "domain/integration_service.h"

namespace ih::host::api {

auth::Principal authenticate(http::RequestContext& ctx, storage::UnitOfWork& uow, ApiServices& services) {
  auth::Principal principal = services.authenticator.authenticate(
      ctx.header("authorization"),
      [&](std::string_view token) { return services.directory.userForApiToken(uow, token); });
  ctx.principal = principal;
  return principal;
}

storage::Organization authorizeOrganization(storage::UnitOfWork& uow, ApiServices& services,
                                            const auth::Principal& principal, std::string_view slug,
                                            auth::OrgPermission needed) {
  std::optional<storage::Organization> org = services.directory.findOrganization(uow, slug);
  std::optional<storage::Role> role;
  if (org && principal.userId) role = services.directory.roleOf(uow, org->id, *principal.userId);
  auth::enforce(auth::decideOrgAccess(principal, org.has_value(), role, needed));
  return *org;
}

void requirePluginEnabled(storage::UnitOfWork& uow, ApiServices& services, int64_t organizationId,
                          std::string_view pluginKey) {
  if (!services.integrations.pluginEnabled(uow, organizationId, pluginKey)) {
    throw ForbiddenError("The plugin is not enabled for this organization.");
  }
}

}  // namespace ih::host::api
