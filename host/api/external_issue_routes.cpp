// The external tickets linked to an issue.
#include "api/api_router.h"
#include "api/issue_lookup.h"
#include "api/json_response.h"
#include "api/route_groups.h"
#include "domain/issue_service.h"

namespace ih::host::api {

namespace {

http::Response listExternalIssues(ApiCall& call) {
  storage::Issue issue = requireIssue(call);
  auto externals = call.services.issues.externalIssues(call.uow, call.org().id, issue.id);
  return jsonListResponse(200, externals, [](JsonBuilder& b, const domain::ExternalIssueView& e) {
    writeExternalIssue(b, e);
  });
}

}  // namespace

void registerExternalIssueRoutes(ApiRouter& api) {
  api.add("GET", "/api/0/organizations/{org}/issues/{id}/external-issues/", Access::OrgMember, listExternalIssues);
}

}  // namespace ih::host::api
