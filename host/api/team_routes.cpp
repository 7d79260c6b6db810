// Teams of an organization and their members (owners manage them).
#include "api/api_router.h"
#include "api/json_input.h"
#include "api/json_response.h"
#include "api/route_groups.h"
#include "api/serializers.h"
#include "domain/directory_service.h"

namespace ih::host::api {

namespace {

http::Response createTeam(ApiCall& call) {
  std::string slug = requireString(call.request.jsonObject(), "slug");
  storage::Team team = call.services.directory.createTeam(call.uow, call.org().id, slug);
  return jsonResponse(201, [&](JsonBuilder& b) { writeSlugged(b, team.id, team.slug); });
}

http::Response addTeamMember(ApiCall& call) {
  int64_t userId = requireId(call.request.jsonObject(), "userId");
  const std::string& teamSlug = call.request.pathParam("team");
  call.services.directory.addTeamMember(call.uow, call.org().id, teamSlug, userId);
  return jsonResponse(201, [&](JsonBuilder& b) {
    b.beginObject().field("team", teamSlug).field("userId", idString(userId)).endObject();
  });
}

}  // namespace

void registerTeamRoutes(ApiRouter& api) {
  api.add("POST", "/api/0/organizations/{org}/teams/", Access::OrgOwner, createTeam);
  api.add("POST", "/api/0/organizations/{org}/teams/{team}/members/", Access::OrgOwner, addTeamMember);
}

}  // namespace ih::host::api
