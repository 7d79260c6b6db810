// Issues: create in a project, list and read, and update assignment and status.
#include "api/api_router.h"
#include "api/assignee_resolution.h"
#include "api/issue_lookup.h"
#include "api/json_input.h"
#include "api/json_response.h"
#include "api/route_groups.h"
#include "common/errors.h"
#include "domain/directory_service.h"
#include "domain/issue_service.h"

namespace ih::host::api {

namespace {

http::Response createIssue(ApiCall& call) {
  std::string title = requireString(call.request.jsonObject(), "title");
  std::optional<storage::Project> project =
      call.services.directory.findProject(call.uow, call.org().id, call.request.pathParam("project"));
  if (!project) throw NotFoundError("The requested project does not exist");
  storage::Issue issue = call.services.issues.create(call.uow, call.org().id, project->id, title, call.changeSource());
  return issueResponse(call, 201, issue);
}

// GET .../issues/?status=resolved|unresolved&query=<title words>: the
// organization's newest 100 matching issues (an extension for the web app).
http::Response listIssues(ApiCall& call) {
  storage::IssueFilter filter;
  if (std::optional<std::string> status = call.request.queryParam("status"); status && !status->empty()) {
    filter.status = storage::issueStatusFromString(*status);
    if (!filter.status) {
      throw ValidationError("status", "\"" + *status + "\" is not a valid choice (resolved, unresolved).");
    }
  }
  filter.titleContains = call.request.queryParam("query").value_or("");
  std::vector<storage::Issue> issues = call.services.issues.list(call.uow, call.org().id, filter);
  return jsonResponse(200, [&](JsonBuilder& b) {
    b.beginArray();
    for (const auto& issue : issues) writeIssueView(call, b, issue);
    b.endArray();
  });
}

http::Response getIssue(ApiCall& call) { return issueResponse(call, 200, requireIssue(call)); }

std::optional<storage::IssueStatus> parseStatus(const JsonValue& body) {
  std::optional<std::string> text = optionalString(body, "status");
  if (!text) return std::nullopt;
  if (*text == "resolved") return storage::IssueStatus::Resolved;
  if (*text == "unresolved") return storage::IssueStatus::Unresolved;
  throw ValidationError("status", "\"" + *text + "\" is not a valid choice (resolved, unresolved).");
}

http::Response updateIssue(ApiCall& call) {
  const auto& body = call.request.jsonObject();
  storage::Issue issue = requireIssue(call);
  // Validate everything before changing anything.
  const JsonValue* assignedTo = ihp::sdk::json::member(body, "assignedTo");
  std::optional<std::optional<int64_t>> newAssignee;  // outer: present; inner: none = unassign
  if (assignedTo != nullptr) {
    if (assignedTo->IsNull()) {
      newAssignee.emplace(std::nullopt);
    } else if (assignedTo->IsString()) {
      newAssignee.emplace(resolveAssignee(call, assignedTo->GetString()));
    } else {
      throw ValidationError("assignedTo", "Expected an email, \"user:<id>\" or null.");
    }
  }
  std::optional<storage::IssueStatus> status = parseStatus(body);
  const domain::ChangeSource source = call.changeSource();
  if (newAssignee) call.services.issues.assign(call.uow, call.org().id, issue.id, *newAssignee, source);
  if (status) call.services.issues.setStatus(call.uow, call.org().id, issue.id, *status, source);
  return issueResponse(call, 200, requireIssue(call));
}

}  // namespace

void registerIssueRoutes(ApiRouter& api) {
  api.add("POST", "/api/0/projects/{org}/{project}/issues/", Access::OrgMember, createIssue);
  api.add("GET", "/api/0/organizations/{org}/issues/", Access::OrgMember, listIssues);
  api.add("GET", "/api/0/organizations/{org}/issues/{id}/", Access::OrgMember, getIssue);
  api.add("PUT", "/api/0/organizations/{org}/issues/{id}/", Access::OrgMember, updateIssue);
}

}  // namespace ih::host::api
