// client/user_api.h - Jira Server users (identified by `name`, queried with
// `username`): who the credentials belong to, and who may be assigned an
// issue / issues of a project. `emailAddress` is absent when the instance
// hides emails, so it is optional here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "client/jira_client.h"

namespace ih::jira {

struct JiraUser {
  std::string name;
  std::string key;
  std::string displayName;
  std::optional<std::string> emailAddress;
};

// Where an assignable-user search looks: one issue, or a whole project.
struct AssignableScope {
  enum class Kind { Issue, Project } kind = Kind::Issue;
  std::string value;  // issue key or project key

  static AssignableScope issue(std::string key) { return {Kind::Issue, std::move(key)}; }
  static AssignableScope project(std::string key) { return {Kind::Project, std::move(key)}; }
};

class UserApi {
 public:
  explicit UserApi(const JiraClient& client) : client_(client) {}

  // GET /rest/api/2/myself (uncached: it checks the credentials).
  ApiResult<JiraUser> myself() const;
  // GET /rest/api/2/user/assignable/search?issueKey=|project=&username= (cached).
  ApiResult<std::vector<JiraUser>> assignable(const AssignableScope& scope, std::string_view username) const;
  // GET /rest/api/2/user?username= (uncached): the user with that login
  // name, else ?key= (the stable key); nullopt when neither exists (404).
  ApiResult<std::optional<JiraUser>> find(std::string_view nameOrKey) const;

 private:
  const JiraClient& client_;
};

}  // namespace ih::jira
