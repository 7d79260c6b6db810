// Comments (notes) on an issue; IssueService syncs them to linked tickets.
#include "api/api_router.h"
#include "api/issue_lookup.h"
#include "api/json_input.h"
#include "api/json_response.h"
#include "api/route_groups.h"
#include "domain/issue_service.h"

namespace ih::host::api {

namespace {

http::Response addComment(ApiCall& call) {
  std::string text = requireString(call.request.jsonObject(), "text");
  storage::Issue issue = requireIssue(call);
  storage::Comment comment = call.services.issues.addComment(call.uow, call.org().id, issue.id, call.principal.userId, text);
  return jsonResponse(201, [&](JsonBuilder& b) { writeComment(b, comment); });
}

http::Response editComment(ApiCall& call) {
  std::string text = requireString(call.request.jsonObject(), "text");
  storage::Issue issue = requireIssue(call);
  int64_t commentId = pathId(call.request, "commentId");
  storage::Comment comment =
      call.services.issues.editComment(call.uow, call.org().id, issue.id, commentId, call.principal, text);
  return jsonResponse(200, [&](JsonBuilder& b) { writeComment(b, comment); });
}

}  // namespace

void registerCommentRoutes(ApiRouter& api) {
  api.add("POST", "/api/0/organizations/{org}/issues/{id}/comments/", Access::OrgMember, addComment);
  api.add("PUT", "/api/0/organizations/{org}/issues/{id}/comments/{commentId}/", Access::OrgMember, editComment);
}

}  // namespace ih::host::api
