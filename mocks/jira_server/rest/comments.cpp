// Comments of an issue: list, add (201) and edit (200). Bodies are wiki-markup strings.
#include "actions/jira_error.h"
#include "common/json.h"
#include "rest/resources.h"
#include "view/issue_view.h"

namespace ih::mock {
namespace {

std::string bodyText(const RestCall& call) {
  auto body = call.jsonBody();
  return json::string(body, "body").value_or("");
}

HttpResponse listComments(const RestCall& call) {
  return renderJson(call, 200, [&](const JiraModel& model, const ViewContext& ctx) {
    const auto* issue = model.findIssue(call.param("key"));
    if (issue == nullptr) throw issueDoesNotExist();
    json::JsonBuilder out;
    writeCommentPage(out, model, *issue, ctx);
    return out.str();
  });
}

HttpResponse addComment(const RestCall& call) {
  return HttpResponse::json(201, call.services.actions.addComment(call.param("key"), bodyText(call), call.user));
}

HttpResponse editComment(const RestCall& call) {
  return HttpResponse::json(
      200, call.services.actions.editComment(call.param("key"), call.param("id"), bodyText(call), call.user));
}

}  // namespace

void registerCommentRoutes(RouteTable& routes) {
  routes.add("GET", "/rest/api/2/issue/{key}/comment", listComments);
  routes.add("POST", "/rest/api/2/issue/{key}/comment", addComment);
  routes.add("PUT", "/rest/api/2/issue/{key}/comment/{id}", editComment);
}

}  // namespace ih::mock
