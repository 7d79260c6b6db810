// The activity stream of an issue, newest first.
#include "api/api_router.h"
#include "api/issue_lookup.h"
#include "api/json_response.h"
#include "api/route_groups.h"
#include "domain/issue_service.h"

namespace ih::host::api {

namespace {

http::Response listActivities(ApiCall& call) {
  storage::Issue issue = requireIssue(call);
  auto activities = call.services.issues.activities(call.uow, call.org().id, issue.id);
  return jsonListResponse(200, activities, writeActivity);
}

}  // namespace

void registerActivityRoutes(ApiRouter& api) {
  api.add("GET", "/api/0/organizations/{org}/issues/{id}/activities/", Access::OrgMember, listActivities);
}

}  // namespace ih::host::api
