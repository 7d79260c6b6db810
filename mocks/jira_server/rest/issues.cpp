// Issue resources: read, create, edit and assign. On Jira >= 9 the removed global
// createmeta lands here too and, as on a real instance, is treated as an issue key.
#include "actions/jira_error.h"
#include "common/json_read.h"
#include "rest/resources.h"
#include "view/issue_view.h"

namespace ih::mock {
namespace {

HttpResponse getIssue(const RestCall& call) {
  return renderJson(call, 200, [&](const JiraModel& model, const ViewContext& ctx) {
    const auto* issue = model.findIssue(call.param("key"));
    if (issue == nullptr) throw issueDoesNotExist();
    return issueJson(model, *issue, ctx);
  });
}

HttpResponse createIssue(const RestCall& call) {
  auto created = call.services.actions.create(call.jsonBody(), call.user);
  JsonOut out;
  out.beginObject()
      .field("id", created.id)
      .field("key", created.key)
      .field("self", call.services.baseUrl + "/rest/api/2/issue/" + created.id)
      .endObject();
  return HttpResponse::json(201, out.str());
}

HttpResponse editIssue(const RestCall& call) {
  call.services.actions.edit(call.param("key"), call.jsonBody(), call.user);
  return HttpResponse::noContent();
}

HttpResponse assignIssue(const RestCall& call) {
  auto body = call.jsonBody();
  const auto* name = member(body, "name");
  if (name == nullptr) throw JiraError::field(400, "assignee", "The 'name' field is required");
  std::optional<std::string> assignee = name->IsString() ? std::optional<std::string>(name->GetString()) : std::nullopt;
  call.services.actions.assign(call.param("key"), assignee, call.user);
  return HttpResponse::noContent();
}

}  // namespace

void registerIssueRoutes(RouteTable& routes) {
  routes.add("POST", "/rest/api/2/issue", createIssue);
  routes.add("GET", "/rest/api/2/issue/{key}", getIssue);
  routes.add("PUT", "/rest/api/2/issue/{key}", editIssue);
  routes.add("PUT", "/rest/api/2/issue/{key}/assignee", assignIssue);
}

}  // namespace ih::mock
