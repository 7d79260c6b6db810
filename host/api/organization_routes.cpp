// Organizations (superuser creates them) and their members (owners manage).
#include "api/api_router.h"
#include "api/audit_trail.h"
#include "api/json_input.h"
#include "api/json_response.h"
#include "api/route_groups.h"
#include "api/serializers.h"
#include "common/errors.h"
#include "domain/directory_service.h"

namespace ih::host::api {

namespace {

http::Response createOrganization(ApiCall& call) {
  const auto& body = call.request.jsonObject();
  std::string slug = requireString(body, "slug");
  std::string name = requireString(body, "name");
  storage::Organization org = call.services.directory.createOrganization(call.uow, slug, name);
  return jsonResponse(201, [&](JsonBuilder& b) { writeOrganization(b, org); });
}

storage::Role parseRole(const JsonValue& body) {
  std::optional<std::string> text = optionalString(body, "role");
  if (!text || *text == "member") return storage::Role::Member;
  if (*text == "owner") return storage::Role::Owner;
  throw ValidationError("role", "\"" + *text + "\" is not a valid choice (owner, member).");
}

http::Response addMember(ApiCall& call) {
  const auto& body = call.request.jsonObject();
  int64_t userId = requireId(body, "userId");
  storage::Role role = parseRole(body);
  if (!call.services.directory.findUser(call.uow, userId)) throw ValidationError("userId", "Unknown user.");
  const auto previous = call.services.directory.roleOf(call.uow, call.org().id, userId);
  call.services.directory.addMember(call.uow, call.org().id, userId, role);
  if (!previous || *previous != role) {
    JsonBuilder data;
    data.beginObject().field("role", roleName(role));
    if (previous) data.field("previousRole", roleName(*previous));
    data.endObject();
    const char* event = previous ? "member.role_changed" : "member.added";
    recordAudit(call, {event, "member", std::to_string(userId), data.str()});
  }
  return jsonResponse(201, [&](JsonBuilder& b) {
    b.beginObject()
        .field("organizationId", idString(call.org().id))
        .field("userId", idString(userId))
        .field("role", roleName(role))
        .endObject();
  });
}

}  // namespace

void registerOrganizationRoutes(ApiRouter& api) {
  api.add("POST", "/api/0/organizations/", Access::Superuser, createOrganization);
  api.add("POST", "/api/0/organizations/{org}/members/", Access::OrgOwner, addMember);
}

}  // namespace ih::host::api
