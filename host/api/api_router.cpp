#include "api/api_router.h"

#include "api/access.h"
#include "storage/database.h"

namespace ih::host::api {

namespace {

http::Response run(ApiServices& services, Access access, const ApiHandler& handler, http::RequestContext& ctx) {
  std::unique_ptr<storage::UnitOfWork> uow = services.database.begin();
  ApiCall call{ctx, *uow, services, auth::Principal{}, std::nullopt};
  if (access != Access::Public) call.principal = authenticate(ctx, *uow, services);
  switch (access) {
    case Access::Superuser:
      auth::requireSuperuser(call.principal);
      break;
    case Access::OrgMember:
    case Access::OrgOwner:
      call.organization = authorizeOrganization(
          *uow, services, call.principal, ctx.pathParam("org"),
          access == Access::OrgOwner ? auth::OrgPermission::Owner : auth::OrgPermission::Member);
      break;
    default:
      break;
  }
  http::Response response = handler(call);
  if (response.status < 400) uow->commit();
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
