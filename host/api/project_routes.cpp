// Projects (owned by teams) and releases of an organization (owners manage them).
#include "api/api_router.h"
#include "api/json_input.h"
#include "api/json_response.h"
#include "api/route_groups.h"
#include "api/serializers.h"
#include "domain/directory_service.h"

namespace ih::host::api {

namespace {

http::Response createProject(ApiCall& call) {
  const auto& body = call.request.jsonObject();
  std::string slug = requireString(body, "slug");
  storage::Project project =
      call.services.directory.createProject(call.uow, call.org().id, slug, stringList(body, "teams"));
  return jsonResponse(201, [&](JsonBuilder& b) { writeSlugged(b, project.id, project.slug); });
}

http::Response createRelease(ApiCall& call) {
  const auto& body = call.request.jsonObject();
  std::string version = requireString(body, "version");
  std::vector<std::string> projects = stringList(body, "projects");
  storage::Release release = call.services.directory.createRelease(call.uow, call.org().id, version, projects);
  return jsonResponse(201, [&](JsonBuilder& b) {
    b.beginObject().field("id", idString(release.id)).field("version", release.version).key("projects").beginArray();
    for (const auto& slug : projects) b.value(slug);
    b.endArray().field("dateCreated", isoTimestamp(release.createdAt)).endObject();
  });
}

}  // namespace

void registerProjectRoutes(ApiRouter& api) {
  api.add("POST", "/api/0/organizations/{org}/projects/", Access::OrgOwner, createProject);
  api.add("POST", "/api/0/organizations/{org}/releases/", Access::OrgOwner, createRelease);
}

}  // namespace ih::host::api
