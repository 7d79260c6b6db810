#include "api/issue_lookup.h"

#include "api/json_input.h"
#include "api/json_response.h"
#include "common/errors.h"
#include "domain/directory_service.h"
#include "domain/issue_service.h"

namespace ih::host::api {

storage::Issue requireIssue(ApiCall& call) {
  int64_t issueId = pathId(call.request, "id");
  std::optional<storage::Issue> issue = call.services.issues.find(call.uow, call.org().id, issueId);
  if (!issue) throw NotFoundError("The requested issue does not exist");
  return *issue;
}

void writeIssueView(ApiCall& call, JsonBuilder& b, const storage::Issue& issue) {
  std::optional<storage::Project> project = call.services.directory.findProject(call.uow, issue.projectId);
  if (!project) throw std::runtime_error("issue " + std::to_string(issue.id) + " has no project");
  std::optional<storage::User> assignee;
  if (issue.assigneeUserId) assignee = call.services.directory.findUser(call.uow, *issue.assigneeUserId);
  writeIssue(b, issue, *project, assignee);
}

http::Response issueResponse(ApiCall& call, int status, const storage::Issue& issue) {
  return jsonResponse(status, [&](JsonBuilder& b) { writeIssueView(call, b, issue); });
}

}  // namespace ih::host::api
