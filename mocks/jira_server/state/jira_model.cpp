#include "state/jira_model.h"

#include <algorithm>

#include "common/text.h"
#include <sstream>

namespace ih::mock {
std::vector<int> Settings::versionNumbers() const {
  std::vector<int> numbers;
  std::stringstream in(version);
  std::string part;
  while (std::getline(in, part, '.') && numbers.size() < 3) {
    numbers.push_back(std::atoi(part.c_str()));
  }
  while (numbers.size() < 3) numbers.push_back(0);
  return numbers;
}

int Settings::majorVersion() const { return versionNumbers()[0]; }

User* JiraModel::findUser(std::string_view name) {
  return findIn(users, [&](const User& u) { return u.name == name; });
}
const User* JiraModel::findUser(std::string_view name) const {
  return findIn(users, [&](const User& u) { return u.name == name; });
}
const User* JiraModel::findUserByKey(std::string_view key) const {
  return findIn(users, [&](const User& u) { return u.key == key; });
}
Project* JiraModel::findProject(std::string_view idOrKey) {
  return findIn(projects, [&](const Project& p) { return p.key == idOrKey || p.id == idOrKey; });
}
const Project* JiraModel::findProject(std::string_view idOrKey) const {
  return findIn(projects, [&](const Project& p) { return p.key == idOrKey || p.id == idOrKey; });
}
const Status* JiraModel::findStatus(std::string_view id) const {
  return findIn(statuses, [&](const Status& s) { return s.id == id; });
}

Issue* JiraModel::findIssue(std::string_view idOrKey) {
  return findIn(issues, [&](const Issue& i) {
    return i.key == idOrKey || i.id == idOrKey ||
           std::find(i.previousKeys.begin(), i.previousKeys.end(), idOrKey) != i.previousKeys.end();
  });
}
const Issue* JiraModel::findIssue(std::string_view idOrKey) const {
  return const_cast<JiraModel*>(this)->findIssue(idOrKey);
}

Webhook* JiraModel::findWebhook(WebhookGeneration generation, std::int64_t id) {
  return findIn(webhooks, [&](const Webhook& w) { return w.generation == generation && w.id == id; });
}
const Consumer* JiraModel::findConsumer(std::string_view consumerKey) const {
  return findIn(consumers, [&](const Consumer& c) { return c.consumerKey == consumerKey; });
}
const Pat* JiraModel::findPat(std::string_view token) const {
  return findIn(pats, [&](const Pat& p) { return p.token == token; });
}

std::vector<const Transition*> JiraModel::transitionsFrom(std::string_view statusId) const {
  std::vector<const Transition*> out;
  for (const auto& t : transitions) {
    bool fromAny = t.from.empty();
    if (fromAny || std::find(t.from.begin(), t.from.end(), statusId) != t.from.end()) out.push_back(&t);
  }
  return out;
}

std::string JiraModel::initialStatusId() const {
  for (const auto& s : statuses) {
    if (s.category == "new") return s.id;
  }
  return statuses.empty() ? "1" : statuses.front().id;
}

void JiraModel::touch(Issue& issue, std::int64_t nowMs) {
  issue.updatedMs = std::max(nowMs, issue.updatedMs + 1);
}

std::string JiraModel::allocateIssueKey(const std::string& projectKey) {
  return projectKey + "-" + std::to_string(++lastIssueNumber[projectKey]);
}

std::string JiraModel::allocateIssueId() {
  while (findIssue(std::to_string(nextIssueId)) != nullptr) ++nextIssueId;
  return std::to_string(nextIssueId++);
}

std::string JiraModel::allocateUserKey() {
  std::string key;
  do {
    key = "JIRAUSER" + std::to_string(nextUserKey);
    nextUserKey += 100;
  } while (findUserByKey(key) != nullptr);
  return key;
}

void JiraModel::noteIssueKey(const std::string& key) {
  auto dash = key.rfind('-');
  if (dash == std::string::npos) return;
  auto number = std::atoll(key.c_str() + dash + 1);
  auto& last = lastIssueNumber[key.substr(0, dash)];
  last = std::max<std::int64_t>(last, number);
}

}  // namespace ih::mock
