// Every change to an issue, whether it arrives through REST or the control API, goes
// through here: validate, mutate under the model lock, bump `updated`, capture the event
// as Jira would emit it, and hand it to the webhook notifier after the lock is released.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "state/jira_model.h"
#include "webhooks/issue_event.h"
#include "webhooks/webhook_notifier.h"

namespace ih::mock {

struct CreatedIssue {
  std::string id;
  std::string key;
};

class IssueActions {
 public:
  IssueActions(JiraState& state, WebhookNotifier& notifier, std::string baseUrl)
      : state_(state), notifier_(notifier), baseUrl_(std::move(baseUrl)) {}

  // All methods throw JiraError (404 unknown issue, 400 invalid input). `actor` is the
  // acting user's name and must exist.
  void assign(const std::string& issueKey, const std::optional<std::string>& assignee, const std::string& actor);
  // `providedFields`: the names under the request's "fields".
  void transition(const std::string& issueKey, const std::string& transitionId, const std::string& actor,
                  const std::vector<std::string>& providedFields = {});
  // Sets the status directly, bypassing the workflow (control API).
  void setStatus(const std::string& issueKey, const std::string& statusId, const std::string& actor);
  // Both return the comment as JSON. `properties` are stored with the new
  // comment (Jira accepts them on create, like an integration's marker).
  std::string addComment(const std::string& issueKey, const std::string& body, const std::string& actor,
                         std::vector<CommentProperty> properties = {});
  std::string editComment(const std::string& issueKey, const std::string& commentId, const std::string& body,
                          const std::string& actor);
  CreatedIssue create(const rapidjson::Value& request, const std::string& actor);
  void edit(const std::string& issueKey, const rapidjson::Value& request, const std::string& actor);
  // Moves the issue to another project under a new key; returns the new key.
  std::string move(const std::string& issueKey, const std::string& projectKey, const std::string& actor);

  const std::string& baseUrl() const { return baseUrl_; }

 private:
  using Mutation = std::function<std::vector<ChangeItem>(JiraModel&, Issue&)>;
  // Runs one jira:issue_updated change with a changelog.
  void update(const std::string& issueKey, const std::string& actor, const std::string& typeName,
              const Mutation& mutation);
  IssueEvent captureEvent(JiraModel& model, const Issue& issue, const User& actor, const std::string& webhookEvent,
                          const std::string& typeName) const;
  // Comment events: jira:issue_updated with a comment object, and comment_created/_updated.
  std::string commentChange(const std::string& issueKey, const std::string& actor, bool created,
                            const std::function<Comment&(JiraModel&, Issue&)>& touchComment);

  JiraState& state_;
  WebhookNotifier& notifier_;
  std::string baseUrl_;
};

// Lookups that throw JiraError in Jira's words.
Issue& requireIssue(JiraModel& model, const std::string& idOrKey);
const User& requireUser(const JiraModel& model, const std::string& name);
const Project& requireProject(const JiraModel& model, const std::string& idOrKey);

}  // namespace ih::mock
