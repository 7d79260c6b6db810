// IssueActions::create: POST /rest/api/2/issue validation in Jira's words (project and
// issue type first, then every field against the type's create screen).
#include "actions/issue_actions.h"

#include "actions/issue_fields.h"
#include "actions/jira_error.h"
#include "common/json.h"
#include "common/wall_clock.h"
#include "state/defaults.h"

namespace ih::mock {
namespace {

using rapidjson::Value;

std::optional<std::string> referenceText(const Value* value, const char* nameKey) {
  if (value == nullptr || !value->IsObject()) return std::nullopt;
  if (const auto* id = json::member(*value, "id")) return json::scalarText(*id);
  return json::string(*value, nameKey);
}

const Project* resolveProject(const JiraModel& model, const Value& fields, FieldErrors& errors) {
  auto wanted = referenceText(json::member(fields, "project"), "key");
  if (!wanted) {
    errors.add("project", "project is required");
    return nullptr;
  }
  const auto* project = model.findProject(*wanted);
  if (project == nullptr) errors.add("project", "valid project is required");
  return project;
}

const IssueType* resolveIssueType(const Value& fields, FieldErrors& errors) {
  auto wanted = referenceText(json::member(fields, "issuetype"), "name");
  if (!wanted) {
    errors.add("issuetype", "issue type is required");
    return nullptr;
  }
  const auto* type = findIssueType(*wanted);
  if (type == nullptr) errors.add("issuetype", "valid issue type is required");
  return type;
}

void applyScreenFields(const JiraModel& model, const Project& project, Issue& issue, const Value& fields,
                       FieldErrors& errors) {
  if (json::member(fields, "summary") == nullptr) errors.add("summary", "You must specify a summary of the issue.");
  for (const auto& field : fields.GetObject()) {
    std::string id = field.name.GetString();
    if (id == "project" || id == "issuetype") continue;
    bool applied = onCreateScreen(issue.issueTypeId, id) &&
                   applyFieldValue(model, project, issue, id, field.value, errors);
    if (!applied) errors.add(id, "Field '" + id + "' cannot be set. It is not on the appropriate screen, or unknown.");
  }
}

}  // namespace

CreatedIssue IssueActions::create(const Value& request, const std::string& actor) {
  auto [created, event] = state_.write([&](JiraModel& model) {
    const User& user = requireUser(model, actor);
    const auto* fields = json::member(request, "fields");
    if (fields == nullptr || !fields->IsObject()) {
      throw JiraError::message(400, "Can not deserialize instance of com.atlassian.jira.rest.v2.issue.IssueUpdateBean");
    }
    FieldErrors errors;
    const auto* project = resolveProject(model, *fields, errors);
    const auto* type = resolveIssueType(*fields, errors);
    if (project == nullptr || type == nullptr) {
      errors.throwIfAny();
    }
    Issue issue;
    issue.projectKey = project->key;
    issue.issueTypeId = type->id;
    issue.statusId = model.initialStatusId();
    issue.priorityId = kDefaultPriorityId;
    issue.reporter = actor;
    applyScreenFields(model, *project, issue, *fields, errors);
    errors.throwIfAny();
    issue.id = model.allocateIssueId();
    issue.key = model.allocateIssueKey(project->key);
    issue.createdMs = nowMillis();
    issue.updatedMs = issue.createdMs;
    model.issues.push_back(issue);
    return std::pair{CreatedIssue{issue.id, issue.key},
                     captureEvent(model, model.issues.back(), user, "jira:issue_created", "issue_created")};
  });
  notifier_.publish(event);
  return created;
}

}  // namespace ih::mock
