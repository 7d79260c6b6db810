#include "state/seed_loader.h"

#include <algorithm>

#include "common/json.h"
#include "common/wall_clock.h"
#include "ihp/sdk/timestamp.hpp"
#include "state/defaults.h"

namespace ih::mock {
namespace {

using rapidjson::Value;

template <typename T, typename KeyFn>
void upsert(std::vector<T>& items, T item, KeyFn key) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& existing) { return key(existing) == key(item); });
  if (it != items.end()) {
    *it = std::move(item);
  } else {
    items.push_back(std::move(item));
  }
}

const Value& section(const Value& seed, const char* name) {
  static const Value kEmpty(rapidjson::kArrayType);
  const auto* v = json::member(seed, name);
  if (v == nullptr || v->IsNull()) return kEmpty;
  if (!v->IsArray()) throw SeedError(std::string("seed: \"") + name + "\" must be an array");
  return *v;
}

std::string required(const Value& entry, const char* field, const std::string& what) {
  const auto* v = json::member(entry, field);
  auto text = v != nullptr ? json::scalarText(*v) : std::nullopt;
  if (!text || text->empty()) throw SeedError("seed: " + what + " needs \"" + field + "\"");
  return *text;
}

std::string optionalText(const Value& entry, const char* field, std::string fallback = {}) {
  const auto* v = json::member(entry, field);
  auto text = v != nullptr ? json::scalarText(*v) : std::nullopt;
  return text ? *text : fallback;
}

std::optional<std::string> nullableText(const Value& entry, const char* field) {
  const auto* v = json::member(entry, field);
  return v != nullptr ? json::scalarText(*v) : std::nullopt;
}

void loadUsers(JiraModel& model, const Value& seed) {
  for (const auto& entry : section(seed, "users").GetArray()) {
    User user;
    user.name = required(entry, "name", "a user");
    const auto* existing = model.findUser(user.name);
    user.key = optionalText(entry, "key", existing != nullptr ? existing->key : model.allocateUserKey());
    user.displayName = optionalText(entry, "displayName", user.name);
    user.emailAddress = optionalText(entry, "emailAddress");
    user.timeZone = optionalText(entry, "timeZone", "Etc/UTC");
    user.active = json::boolean(entry, "active").value_or(true);
    user.admin = json::boolean(entry, "admin").value_or(false);
    user.assignable = json::boolean(entry, "assignable").value_or(true);
    upsert(model.users, std::move(user), [](const User& u) { return u.name; });
  }
}

void loadCredentials(JiraModel& model, const Value& seed) {
  for (const auto& entry : section(seed, "consumers").GetArray()) {
    Consumer consumer{required(entry, "consumerKey", "a consumer"), optionalText(entry, "name"),
                      required(entry, "publicKey", "a consumer"), optionalText(entry, "callbackUrl")};
    upsert(model.consumers, std::move(consumer), [](const Consumer& c) { return c.consumerKey; });
  }
  for (const auto& entry : section(seed, "pats").GetArray()) {
    Pat pat{required(entry, "token", "a PAT"), required(entry, "user", "a PAT")};
    if (model.findUser(pat.user) == nullptr) throw SeedError("seed: PAT for unknown user '" + pat.user + "'");
    upsert(model.pats, std::move(pat), [](const Pat& p) { return p.token; });
  }
}

template <typename T, typename Fill>
std::vector<T> loadNamedList(JiraModel& model, const Value& entry, const char* field, Fill fill) {
  std::vector<T> out;
  const auto* list = json::member(entry, field);
  if (list == nullptr || !list->IsArray()) return out;
  for (const auto& item : list->GetArray()) {
    T thing;
    thing.name = item.IsString() ? item.GetString() : required(item, "name", std::string("a project's ") + field);
    thing.id = item.IsObject() ? optionalText(item, "id") : "";
    if (thing.id.empty()) thing.id = std::to_string(model.nextEntityId++);
    if (item.IsObject()) fill(thing, item);
    out.push_back(std::move(thing));
  }
  return out;
}

void loadProjects(JiraModel& model, const Value& seed) {
  for (const auto& entry : section(seed, "projects").GetArray()) {
    Project project;
    project.key = required(entry, "key", "a project");
    const auto* existing = model.findProject(project.key);
    project.id = optionalText(entry, "id", existing != nullptr ? existing->id : "");
    if (project.id.empty()) project.id = std::to_string(10000 + model.projects.size());
    project.name = optionalText(entry, "name", project.key);
    project.description = optionalText(entry, "description");
    project.lead = optionalText(entry, "lead");
    project.components = loadNamedList<Component>(model, entry, "components", [](Component&, const Value&) {});
    project.versions = loadNamedList<Version>(model, entry, "versions", [](Version& v, const Value& item) {
      v.released = json::boolean(item, "released").value_or(false);
      v.archived = json::boolean(item, "archived").value_or(false);
    });
    upsert(model.projects, std::move(project), [](const Project& p) { return p.key; });
  }
}

void loadWorkflow(JiraModel& model, const Value& seed) {
  for (const auto& entry : section(seed, "statuses").GetArray()) {
    Status status{required(entry, "id", "a status"), required(entry, "name", "a status"),
                  optionalText(entry, "category", "new"), optionalText(entry, "description")};
    upsert(model.statuses, std::move(status), [](const Status& s) { return s.id; });
  }
  for (const auto& entry : section(seed, "transitions").GetArray()) {
    Transition transition;
    transition.id = required(entry, "id", "a transition");
    transition.name = required(entry, "name", "a transition");
    transition.to = nullableText(entry, "to");
    transition.from = json::stringArray(entry, "from");
    transition.requiredFields = json::stringArray(entry, "requiredFields");
    upsert(model.transitions, std::move(transition), [](const Transition& t) { return t.id; });
  }
}

std::optional<std::string> knownUser(const JiraModel& model, const Value& entry, const char* field,
                                     const std::string& issueKey) {
  auto name = nullableText(entry, field);
  if (name && model.findUser(*name) == nullptr) {
    throw SeedError("seed: issue " + issueKey + " names unknown " + field + " '" + *name + "'");
  }
  return name;
}

std::vector<std::string> resolveNamed(const std::vector<std::string>& wanted, const auto& available,
                                      const std::string& what) {
  std::vector<std::string> ids;
  for (const auto& w : wanted) {
    auto it = std::find_if(available.begin(), available.end(), [&](const auto& a) { return a.id == w || a.name == w; });
    if (it == available.end()) throw SeedError("seed: unknown " + what + " '" + w + "'");
    ids.push_back(it->id);
  }
  return ids;
}

void loadIssueCustomFields(Issue& issue, const Value& entry) {
  for (const auto& field : customFields()) {
    const auto* v = json::member(entry, field.fieldId.c_str());
    if (v == nullptr || v->IsNull()) continue;
    std::vector<std::string> wanted;
    if (v->IsArray()) {
      for (const auto& item : v->GetArray()) {
        if (auto text = json::scalarText(item)) wanted.push_back(*text);
      }
    } else if (auto text = json::scalarText(*v)) {
      wanted.push_back(*text);
    }
    for (const auto& w : wanted) {
      const auto* option = findOption(field, w);
      if (option == nullptr) throw SeedError("seed: issue " + issue.key + ": no option '" + w + "' in " + field.fieldId);
      issue.customOptions[field.fieldId].push_back(option->id);
    }
  }
}

void loadComments(JiraModel& model, Issue& issue, const Value& entry) {
  const auto* list = json::member(entry, "comments");
  if (list == nullptr || !list->IsArray()) return;
  for (const auto& item : list->GetArray()) {
    Comment comment;
    comment.id = optionalText(item, "id", std::to_string(model.nextCommentId++));
    comment.author = required(item, "author", "a comment of " + issue.key);
    comment.updateAuthor = comment.author;
    comment.body = optionalText(item, "body");
    comment.createdMs = comment.updatedMs = issue.createdMs;
    issue.comments.push_back(std::move(comment));
  }
}

std::int64_t dateOr(const Value& entry, const char* field, std::int64_t fallback) {
  auto text = nullableText(entry, field);
  if (!text) return fallback;
  if (auto ms = ihp::sdk::timestamp::parseMs(*text)) return *ms;
  throw SeedError("seed: not a Jira date: " + *text);
}

void loadIssues(JiraModel& model, const Value& seed, std::int64_t nowMs) {
  for (const auto& entry : section(seed, "issues").GetArray()) {
    Issue issue;
    issue.key = required(entry, "key", "an issue");
    issue.projectKey = optionalText(entry, "project", issue.key.substr(0, issue.key.rfind('-')));
    const auto* project = model.findProject(issue.projectKey);
    if (project == nullptr) throw SeedError("seed: issue " + issue.key + " is in unknown project " + issue.projectKey);
    issue.projectKey = project->key;
    const auto* existing = model.findIssue(issue.key);
    issue.id = optionalText(entry, "id", existing != nullptr ? existing->id : model.allocateIssueId());
    issue.summary = optionalText(entry, "summary");
    issue.description = nullableText(entry, "description");
    issue.statusId = optionalText(entry, "status", model.initialStatusId());
    if (model.findStatus(issue.statusId) == nullptr && !model.statuses.empty()) {
      throw SeedError("seed: issue " + issue.key + " has unknown status " + issue.statusId);
    }
    const auto* type = findIssueType(optionalText(entry, "issuetype", "Task"));
    const auto* priority = findPriority(optionalText(entry, "priority", kDefaultPriorityId));
    if (type == nullptr || priority == nullptr) throw SeedError("seed: issue " + issue.key + ": unknown issuetype or priority");
    issue.issueTypeId = type->id;
    issue.priorityId = priority->id;
    issue.assignee = knownUser(model, entry, "assignee", issue.key);
    issue.reporter = knownUser(model, entry, "reporter", issue.key);
    issue.labels = json::stringArray(entry, "labels");
    issue.componentIds = resolveNamed(json::stringArray(entry, "components"), project->components, "component");
    issue.fixVersionIds = resolveNamed(json::stringArray(entry, "fixVersions"), project->versions, "version");
    loadIssueCustomFields(issue, entry);
    issue.createdMs = dateOr(entry, "created", nowMs);
    issue.updatedMs = dateOr(entry, "updated", issue.createdMs);
    if (const auto* status = model.findStatus(issue.statusId); status != nullptr && status->category == "done") {
      issue.resolution = "Done";
    }
    loadComments(model, issue, entry);
    model.noteIssueKey(issue.key);
    upsert(model.issues, std::move(issue), [](const Issue& i) { return i.key; });
  }
}

void loadSettings(JiraModel& model, const Value& seed) {
  if (auto visible = json::boolean(seed, "emailVisibility")) model.settings.emailVisibility = *visible;
  if (auto version = json::string(seed, "version")) model.settings.version = *version;
}

}  // namespace

void applySeed(JiraModel& model, std::string_view seedJson, std::int64_t nowMs) {
  auto doc = parseJson(seedJson);
  if (!doc.IsObject()) throw SeedError("seed: the document must be a JSON object");
  JiraModel draft = model;
  loadSettings(draft, doc);
  loadUsers(draft, doc);
  loadCredentials(draft, doc);
  loadProjects(draft, doc);
  loadWorkflow(draft, doc);
  loadIssues(draft, doc, nowMs);
  model = std::move(draft);
}

}  // namespace ih::mock
