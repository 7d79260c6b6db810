// The activity stream of an issue, newest first, 200 per page
// (?cursor=<id> for older ones): a comment's activity repeats its text, so an
// issue with many large comments would otherwise be one answer of any size.
#include "api/api_router.h"
#include "api/issue_lookup.h"
#include "api/json_input.h"
#include "api/json_response.h"
#include "api/route_groups.h"
#include "domain/issue_service.h"

namespace ih::host::api {

namespace {

constexpr size_t kActivityPageSize = 200;

http::Response listActivities(ApiCall& call) {
  storage::Issue issue = requireIssue(call);
  auto activities =
      call.services.issues.activities(call.uow, call.org().id, issue.id, kActivityPageSize, cursorParam(call.request));
  return jsonListResponse(200, activities, writeActivity);
}

}  // namespace

void registerActivityRoutes(ApiRouter& api) {
  api.add("GET", "/api/0/organizations/{org}/issues/{id}/activities/", Access::OrgMember, listActivities);
}

}  // namespace ih::host::api
