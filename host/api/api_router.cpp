#include "api/api_router.h"

#include "api/access.h"
#include "auth/session_cookie.h"
#include "auth/session_service.h"
#include "common/errors.h"
#include "inbox/webhook_inbox.h"
#include "storage/database.h"

namespace ih::host::api {

namespace {

// A browser whose cookie no longer names a live session is told so (the app
// shows "signed out") and the stale cookie is cleared.
http::Response endedSession(const ApiServices& services) {
  return http::Response::detail(401, "Your session has ended. Sign in again.")
      .header("Set-Cookie", auth::expiredSessionCookie(services.secureCookies()));
}

void authenticateCall(ApiCall& call) {
  Authentication authentication = authenticateRequest(call.request, call.uow, call.services);
  call.principal = authentication.principal;
  call.session = std::move(authentication.session);
  call.sessionToken = std::move(authentication.sessionToken);
}

// Records the session's use after the answer's own work is finished, in a
// short transaction of its own, so reads stay reads and a failed request
// still counts as activity.
void touchSession(ApiServices& services, storage::UnitOfWork& uow, const ApiCall& call) {
  if (!call.session || !services.sessions.touchDue(*call.session)) return;
  services.sessions.touch(uow, *call.session);
  uow.commit();
}

http::Response run(ApiServices& services, Access access, const ApiHandler& handler, http::RequestContext& ctx) {
  // A caller may have just had a webhook acknowledged (inbox/webhook_inbox.h);
  // health checks and metrics never wait for the inbox.
  if (services.inbox != nullptr && access != Access::Public) services.inbox->awaitAcknowledgedApplied();
  std::unique_ptr<storage::UnitOfWork> uow = services.database.begin();
  ApiCall call{ctx, *uow, services, auth::Principal{}, std::nullopt, std::nullopt, {}};
  if (access != Access::Public) {
    try {
      authenticateCall(call);
    } catch (const UnauthorizedError&) {
      if (presentedSessionToken(ctx)) return endedSession(services);
      throw;
    }
  }
  switch (access) {
    case Access::Superuser:
      auth::requireSuperuser(call.principal);
      break;
    case Access::OrgMember:
    case Access::OrgOwner:
      call.organization =
          authorizeOrganization(*uow, services, call.principal, ctx.pathParam("org"),
                                access == Access::OrgOwner ? auth::OrgPermission::Owner : auth::OrgPermission::Member);
      break;
    default:
      break;
  }
  http::Response response = handler(call);
  if (response.status < 400) {
    uow->commit();
  } else {
    uow->rollback();
  }
  touchSession(services, *uow, call);
  return response;
}

}  // namespace

void ApiRouter::add(const std::string& method, const std::string& pattern, Access access, ApiHandler handler) {
  ApiServices& services = services_;
  router_.add(method, pattern, [&services, access, handler = std::move(handler)](http::RequestContext& ctx) {
    return run(services, access, handler, ctx);
  });
}

}  // namespace ih::host::api
