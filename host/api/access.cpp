#include "api/access.h"

#include "auth/bearer_authenticator.h"
#include "auth/session_cookie.h"
#include "auth/session_service.h"
#include "common/errors.h"
#include "domain/directory_service.h"
#include "domain/integration_service.h"

namespace ih::host::api {

namespace {

bool isSafeMethod(std::string_view method) { return method == "GET" || method == "HEAD" || method == "OPTIONS"; }

Authentication bySession(http::RequestContext& ctx, storage::UnitOfWork& uow, ApiServices& services,
                         const std::string& token) {
  std::optional<storage::SessionRow> session = services.sessions.find(uow, token);
  if (!session) throw UnauthorizedError();
  Authentication result;
  if (session->userId) {
    result.principal = auth::Principal::user(*session->userId);
  } else if (session->adminTokenHash && !services.authenticator.adminTokenHash().empty() &&
             *session->adminTokenHash == services.authenticator.adminTokenHash()) {
    result.principal = auth::Principal::admin();
  } else {
    throw UnauthorizedError();  // signed in with an admin token the host no longer has
  }
  if (!isSafeMethod(ctx.method) && !auth::csrfTokenMatches(token, ctx.header(auth::kCsrfHeader).value_or(""))) {
    throw ForbiddenError("CSRF token missing or incorrect.");
  }
  result.session = std::move(session);
  result.sessionToken = token;
  return result;
}

}  // namespace

std::optional<std::string> presentedSessionToken(const http::RequestContext& ctx) {
  if (ctx.header("authorization")) return std::nullopt;
  std::optional<std::string> cookies = ctx.header("cookie");
  return cookies ? auth::sessionTokenFromCookies(*cookies) : std::nullopt;
}

Authentication authenticateRequest(http::RequestContext& ctx, storage::UnitOfWork& uow, ApiServices& services) {
  Authentication result;
  if (std::optional<std::string> token = presentedSessionToken(ctx)) {
    result = bySession(ctx, uow, services, *token);
  } else {
    result.principal = services.authenticator.authenticate(ctx.header("authorization"), [&](std::string_view token) {
      return services.directory.userForApiToken(uow, token);
    });
  }
  ctx.principal = result.principal;
  return result;
}

auth::Principal authenticate(http::RequestContext& ctx, storage::UnitOfWork& uow, ApiServices& services) {
  return authenticateRequest(ctx, uow, services).principal;
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
