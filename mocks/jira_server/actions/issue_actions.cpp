#include "actions/issue_actions.h"

#include <algorithm>

#include "actions/issue_fields.h"
#include "actions/jira_error.h"
#include "common/json.h"
#include "common/wall_clock.h"
#include "view/issue_view.h"
#include "view/user_view.h"

namespace ih::mock {
namespace {

std::vector<ChangeItem> statusChange(const JiraModel& model, Issue& issue, const std::string& newStatusId) {
  std::vector<ChangeItem> items;
  const auto* from = model.findStatus(issue.statusId);
  const auto* to = model.findStatus(newStatusId);
  if (to == nullptr || newStatusId == issue.statusId) return items;
  items.push_back(ChangeItem{"status", "jira", issue.statusId, from != nullptr ? std::optional(from->name) : std::nullopt,
                             to->id, to->name});
  issue.statusId = to->id;
  // Jira's default workflows set the resolution on entering a done status and clear it on leaving.
  const bool done = to->category == "done";
  if (done && !issue.resolution) {
    items.push_back(ChangeItem{"resolution", "jira", std::nullopt, std::nullopt, "10000", "Done"});
    issue.resolution = "Done";
  } else if (!done && issue.resolution) {
    items.push_back(ChangeItem{"resolution", "jira", "10000", *issue.resolution, std::nullopt, std::nullopt});
    issue.resolution.reset();
  }
  return items;
}

}  // namespace

Issue& requireIssue(JiraModel& model, const std::string& idOrKey) {
  auto* issue = model.findIssue(idOrKey);
  if (issue == nullptr) throw issueDoesNotExist();
  return *issue;
}

const User& requireUser(const JiraModel& model, const std::string& name) {
  const auto* user = model.findUser(name);
  if (user == nullptr) throw JiraError::message(400, "The user named '" + name + "' does not exist");
  return *user;
}

const Project& requireProject(const JiraModel& model, const std::string& idOrKey) {
  const auto* project = model.findProject(idOrKey);
  if (project == nullptr) throw JiraError::message(404, "No project could be found with key '" + idOrKey + "'.");
  return *project;
}

IssueEvent IssueActions::captureEvent(JiraModel& model, const Issue& issue, const User& actor,
                                      const std::string& webhookEvent, const std::string& typeName) const {
  const auto ctx = ViewContext::of(baseUrl_, model);
  IssueEvent event;
  event.webhookEvent = webhookEvent;
  event.typeName = typeName;
  event.timestampMs = nowMillis();
  event.userJson = userJson(actor, ctx);
  event.issueJson = issueJson(model, issue, ctx);
  const auto* project = model.findProject(issue.projectKey);
  event.urlVariables = {{"issue.key", issue.key}, {"issue.id", issue.id}};
  if (project != nullptr) {
    event.urlVariables["project.key"] = project->key;
    event.urlVariables["project.id"] = project->id;
  }
  return event;
}

void IssueActions::update(const std::string& issueKey, const std::string& actor, const std::string& typeName,
                          const Mutation& mutation) {
  auto event = state_.write([&](JiraModel& model) {
    const User& user = requireUser(model, actor);
    Issue& issue = requireIssue(model, issueKey);
    auto items = mutation(model, issue);
    model.touch(issue, nowMillis());
    auto captured = captureEvent(model, issue, user, "jira:issue_updated", typeName);
    captured.changelogId = std::to_string(model.nextChangelogId++);
    captured.changelog = std::move(items);
    return captured;
  });
  notifier_.publish(event);
}

void IssueActions::assign(const std::string& issueKey, const std::optional<std::string>& assignee,
                          const std::string& actor) {
  update(issueKey, actor, "issue_assigned", [&](JiraModel& model, Issue& issue) {
    std::optional<std::string> target = assignee && *assignee != "-1" && !assignee->empty() ? assignee : std::nullopt;
    if (target && !canBeAssigned(model, *target)) {
      throw JiraError::field(400, "assignee", "User '" + *target + "' cannot be assigned issues.");
    }
    auto item = userChange(model, "assignee", issue.assignee, target);
    issue.assignee = target;
    return std::vector<ChangeItem>{item};
  });
}

void IssueActions::transition(const std::string& issueKey, const std::string& transitionId, const std::string& actor,
                              const std::vector<std::string>& providedFields) {
  update(issueKey, actor, "issue_generic", [&](JiraModel& model, Issue& issue) {
    for (const auto* t : model.transitionsFrom(issue.statusId)) {
      if (t->id != transitionId) continue;
      for (const auto& field : t->requiredFields) {
        if (std::find(providedFields.begin(), providedFields.end(), field) == providedFields.end()) {
          throw JiraError::field(400, field, "Field '" + field + "' is required");
        }
      }
      return t->to ? statusChange(model, issue, *t->to) : std::vector<ChangeItem>{};
    }
    throw JiraError::message(400, "It seems that you have tried to perform a workflow operation (" + transitionId +
                                      ") that is not valid for the current state of this issue (" + issue.key + ").");
  });
}

void IssueActions::setStatus(const std::string& issueKey, const std::string& statusId, const std::string& actor) {
  update(issueKey, actor, "issue_generic", [&](JiraModel& model, Issue& issue) {
    if (model.findStatus(statusId) == nullptr) throw JiraError::field(400, "status", "Status '" + statusId + "' does not exist.");
    return statusChange(model, issue, statusId);
  });
}

void IssueActions::edit(const std::string& issueKey, const rapidjson::Value& request, const std::string& actor) {
  update(issueKey, actor, "issue_updated", [&](JiraModel& model, Issue& issue) {
    Issue edited = issue;
    FieldErrors errors;
    const auto* project = model.findProject(issue.projectKey);
    if (const auto* fields = json::member(request, "fields"); fields != nullptr && fields->IsObject()) {
      for (const auto& field : fields->GetObject()) {
        std::string id = field.name.GetString();
        bool editable = id != "project" && id != "issuetype" &&
                        applyFieldValue(model, *project, edited, id, field.value, errors);
        if (!editable) errors.add(id, "Field '" + id + "' cannot be set. It is not on the appropriate screen, or unknown.");
      }
    }
    errors.throwIfAny();
    auto items = changedFields(model, issue, edited);
    issue = std::move(edited);
    return items;
  });
}

std::string IssueActions::move(const std::string& issueKey, const std::string& projectKey, const std::string& actor) {
  std::string newKey;
  update(issueKey, actor, "issue_moved", [&](JiraModel& model, Issue& issue) {
    const auto* from = model.findProject(issue.projectKey);
    const auto* to = model.findProject(projectKey);
    if (to == nullptr) throw JiraError::field(400, "project", "valid project is required");
    if (to->key == issue.projectKey) throw JiraError::field(400, "project", "The issue is already in project " + to->key);
    newKey = model.allocateIssueKey(to->key);
    std::vector<ChangeItem> items{
        ChangeItem{"project", "jira", from->id, from->name, to->id, to->name},
        ChangeItem{"Key", "jira", std::nullopt, issue.key, std::nullopt, newKey},
    };
    issue.previousKeys.push_back(issue.key);
    issue.key = newKey;
    issue.projectKey = to->key;
    // Components and versions belong to the old project.
    issue.componentIds.clear();
    issue.fixVersionIds.clear();
    return items;
  });
  return newKey;
}

std::string IssueActions::commentChange(const std::string& issueKey, const std::string& actor, bool created,
                                        const std::function<Comment&(JiraModel&, Issue&)>& touchComment) {
  std::string json;
  auto events = state_.write([&](JiraModel& model) {
    const User& user = requireUser(model, actor);
    Issue& issue = requireIssue(model, issueKey);
    Comment& comment = touchComment(model, issue);
    model.touch(issue, comment.updatedMs);
    json = commentJson(model, issue, comment, ViewContext::of(baseUrl_, model));
    auto updated = captureEvent(model, issue, user, "jira:issue_updated",
                                created ? "issue_commented" : "issue_comment_edited");
    updated.commentJson = json;
    IssueEvent commentEvent;
    commentEvent.webhookEvent = created ? "comment_created" : "comment_updated";
    commentEvent.timestampMs = updated.timestampMs;
    commentEvent.commentJson = json;
    commentEvent.urlVariables = updated.urlVariables;
    commentEvent.urlVariables["comment.id"] = comment.id;
    return std::vector<IssueEvent>{updated, commentEvent};
  });
  for (const auto& event : events) notifier_.publish(event);
  return json;
}

std::string IssueActions::addComment(const std::string& issueKey, const std::string& body, const std::string& actor,
                                     std::vector<CommentProperty> properties) {
  if (body.empty()) throw JiraError::field(400, "comment", "Comment body can not be empty!");
  return commentChange(issueKey, actor, true, [&](JiraModel& model, Issue& issue) -> Comment& {
    const auto now = nowMillis();
    issue.comments.push_back(
        Comment{std::to_string(model.nextCommentId++), actor, actor, body, now, now, std::move(properties)});
    return issue.comments.back();
  });
}

std::string IssueActions::editComment(const std::string& issueKey, const std::string& commentId,
                                      const std::string& body, const std::string& actor) {
  if (body.empty()) throw JiraError::field(400, "comment", "Comment body can not be empty!");
  return commentChange(issueKey, actor, false, [&](JiraModel&, Issue& issue) -> Comment& {
    for (auto& comment : issue.comments) {
      if (comment.id == commentId) {
        comment.body = body;
        comment.updateAuthor = actor;
        comment.updatedMs = std::max(nowMillis(), comment.updatedMs + 1);
        return comment;
      }
    }
    throw JiraError::message(404, "Can not find a comment for the id: " + commentId + ".");
  });
}

}  // namespace ih::mock
