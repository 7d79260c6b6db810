// The in-memory Jira: users, OAuth consumers, PATs, projects, statuses, workflow
// transitions, issues with comments, admin webhooks and the instance settings.
// Plain data plus lookups; JiraState owns the only instance and serialises access to it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ih::mock {

struct User {
  std::string name;
  std::string key;  // JIRAUSERnnnnn, what changelogs and webhook beans carry
  std::string displayName;
  std::string emailAddress;
  std::string timeZone = "Etc/UTC";
  bool active = true;
  bool admin = false;
  bool assignable = true;
};

struct Consumer {
  std::string consumerKey;
  std::string name;
  std::string publicKeyPem;
  // The application link's "Consumer Callback URL": where the authorize page
  // sends the browser after "Allow" (none: the verifier is shown instead).
  std::string callbackUrl;
};

struct Pat {
  std::string token;
  std::string user;
};

struct Component {
  std::string id;
  std::string name;
};

struct Version {
  std::string id;
  std::string name;
  bool released = false;
  bool archived = false;
};

struct Project {
  std::string id;
  std::string key;
  std::string name;
  std::string description;
  std::string lead;  // user name, may be empty
  std::vector<Component> components;
  std::vector<Version> versions;
};

struct Status {
  std::string id;
  std::string name;
  std::string category = "new";  // new | indeterminate | done | undefined
  std::string description;
};

struct Transition {
  std::string id;
  std::string name;
  std::optional<std::string> to;  // real Jira sometimes omits it
  std::vector<std::string> from;  // empty = available from every status
  // Fields the transition's screen requires: Jira refuses the transition with
  // 400 {"errors":{"<field>":"..."}} unless the request's "fields" has them.
  std::vector<std::string> requiredFields;
};

// An entity property of a comment (Jira's CommentPropertyService): a key and
// a JSON object, e.g. a marker an integration sets when it posts.
struct CommentProperty {
  std::string key;
  std::string valueJson;
};

struct Comment {
  std::string id;
  std::string author;
  std::string updateAuthor;
  std::string body;
  std::int64_t createdMs = 0;
  std::int64_t updatedMs = 0;
  std::vector<CommentProperty> properties;
};

struct Issue {
  std::string id;
  std::string key;
  std::vector<std::string> previousKeys;  // a moved issue still answers on its old keys
  std::string projectKey;
  std::string summary;
  std::optional<std::string> description;
  std::string issueTypeId;
  std::string statusId;
  std::string priorityId;
  std::optional<std::string> assignee;  // user names
  std::optional<std::string> reporter;
  std::optional<std::string> resolution;  // set when the status category is done
  std::vector<std::string> labels;
  std::vector<std::string> componentIds;
  std::vector<std::string> fixVersionIds;
  std::map<std::string, std::vector<std::string>> customOptions;  // field id -> option ids
  std::vector<Comment> comments;
  std::int64_t createdMs = 0;
  std::int64_t updatedMs = 0;
};

enum class WebhookGeneration { kLegacy, kDc };

struct Webhook {
  WebhookGeneration generation = WebhookGeneration::kLegacy;
  std::int64_t id = 0;
  std::string name;
  std::string url;
  std::vector<std::string> events;
  std::string jqlFilter;  // stored and echoed, not evaluated
  bool excludeBody = false;
  bool active = true;
  bool sslVerificationRequired = true;
  std::string secret;
  std::vector<std::pair<std::string, std::string>> configuration;  // DC: string values
  std::string lastUpdatedUser;  // user name
  std::int64_t createdMs = 0;
  std::int64_t updatedMs = 0;
};

struct Settings {
  std::string version = "9.12.0";
  bool emailVisibility = true;
  std::vector<int> versionNumbers() const;
  int majorVersion() const;
};

struct JiraModel {
  Settings settings;
  std::vector<User> users;
  std::vector<Consumer> consumers;
  std::vector<Pat> pats;
  std::vector<Project> projects;
  std::vector<Status> statuses;
  std::vector<Transition> transitions;
  std::vector<Issue> issues;
  std::vector<Webhook> webhooks;

  std::int64_t nextIssueId = 10000;
  std::int64_t nextCommentId = 10000;
  std::int64_t nextChangelogId = 10000;
  std::int64_t nextWebhookId = 1;
  std::int64_t nextUserKey = 10100;
  std::int64_t nextEntityId = 10500;  // components and versions
  std::map<std::string, std::int64_t> lastIssueNumber;  // project key -> highest N in KEY-N

  User* findUser(std::string_view name);
  const User* findUser(std::string_view name) const;
  const User* findUserByKey(std::string_view key) const;
  Project* findProject(std::string_view idOrKey);
  const Project* findProject(std::string_view idOrKey) const;
  const Status* findStatus(std::string_view id) const;
  Issue* findIssue(std::string_view idOrKey);
  const Issue* findIssue(std::string_view idOrKey) const;
  Webhook* findWebhook(WebhookGeneration generation, std::int64_t id);
  const Consumer* findConsumer(std::string_view consumerKey) const;
  const Pat* findPat(std::string_view token) const;
  std::vector<const Transition*> transitionsFrom(std::string_view statusId) const;
  // Where new issues start: the first status of category "new".
  std::string initialStatusId() const;

  // Moves fields.updated forward strictly, even for two changes in the same millisecond.
  void touch(Issue& issue, std::int64_t nowMs);
  std::string allocateIssueKey(const std::string& projectKey);
  std::string allocateIssueId();
  std::string allocateUserKey();
  void noteIssueKey(const std::string& key);
};

// The shared model. Poco serves each connection on its own thread, so every access goes
// through read() (shared) or write() (exclusive); callers never keep references past the call.
class JiraState {
 public:
  template <typename Fn>
  auto read(Fn&& fn) const {
    std::shared_lock lock(mutex_);
    return fn(static_cast<const JiraModel&>(model_));
  }
  template <typename Fn>
  auto write(Fn&& fn) {
    std::unique_lock lock(mutex_);
    return fn(model_);
  }

 private:
  mutable std::shared_mutex mutex_;
  JiraModel model_;
};

}  // namespace ih::mock
