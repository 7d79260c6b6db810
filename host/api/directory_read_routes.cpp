// What the web app reads about the directory (extensions of the contract,
// docs/host-edge.md "Reading the directory"):
//   GET /api/0/organizations/                   the caller's organizations with their role
//                                               (the superuser: all, role null)
//   GET /api/0/organizations/{org}/             one of them, with the caller's role (members)
//   GET /api/0/organizations/{org}/members/     active members: userId, email, name, role (members)
//   GET /api/0/organizations/{org}/projects/    projects: id, slug (members)
// Members see their colleagues (to assign issues to them); nothing here is
// owner-only, and nothing reaches outside the organization in the path.
#include "api/api_router.h"
#include "api/json_response.h"
#include "api/route_groups.h"
#include "api/serializers.h"
#include "domain/directory_service.h"

namespace ih::host::api {

namespace {

void writeRole(JsonBuilder& b, std::optional<storage::Role> role) {
  if (role) {
    b.field("role", roleName(*role));
  } else {
    b.nullField("role");
  }
}

void writeMembership(JsonBuilder& b, const storage::Organization& org, std::optional<storage::Role> role) {
  b.beginObject().field("id", idString(org.id)).field("slug", org.slug).field("name", org.name);
  writeRole(b, role);
  b.endObject();
}

http::Response listOrganizations(ApiCall& call) {
  const std::optional<int64_t> userId = call.principal.superuser ? std::nullopt : call.principal.userId;
  return jsonListResponse(
      200, call.services.directory.organizationsOf(call.uow, userId),
      [](JsonBuilder& b, const storage::OrganizationMembership& m) { writeMembership(b, m.organization, m.role); });
}

http::Response getOrganization(ApiCall& call) {
  std::optional<storage::Role> role;
  if (call.principal.userId) role = call.services.directory.roleOf(call.uow, call.org().id, *call.principal.userId);
  return jsonResponse(200, [&](JsonBuilder& b) { writeMembership(b, call.org(), role); });
}

http::Response listMembers(ApiCall& call) {
  return jsonListResponse(200, call.services.directory.members(call.uow, call.org().id),
                          [](JsonBuilder& b, const storage::MemberListing& m) {
                            b.beginObject()
                                .field("userId", idString(m.userId))
                                .field("email", m.email)
                                .field("name", m.name)
                                .field("role", roleName(m.role))
                                .endObject();
                          });
}

http::Response listProjects(ApiCall& call) {
  return jsonListResponse(200, call.services.directory.projects(call.uow, call.org().id),
                          [](JsonBuilder& b, const storage::Project& p) { writeSlugged(b, p.id, p.slug); });
}

}  // namespace

void registerDirectoryReadRoutes(ApiRouter& api) {
  api.add("GET", "/api/0/organizations/", Access::Authenticated, listOrganizations);
  api.add("GET", "/api/0/organizations/{org}/", Access::OrgMember, getOrganization);
  api.add("GET", "/api/0/organizations/{org}/members/", Access::OrgMember, listMembers);
  api.add("GET", "/api/0/organizations/{org}/projects/", Access::OrgMember, listProjects);
}

}  // namespace ih::host::api
