#include "client/user_api.h"

#include "client/json_get.h"
#include "ihp/sdk/url.hpp"

namespace ih::jira {

namespace json = ihp::sdk::json;

namespace {

JiraUser userOf(const json::Value& object) {
  JiraUser user;
  user.name = json::stringOr(object, "name");
  user.key = json::stringOr(object, "key");
  user.displayName = json::stringOr(object, "displayName");
  std::string email = json::stringOr(object, "emailAddress");
  if (!email.empty()) user.emailAddress = std::move(email);
  return user;
}

}  // namespace

ApiResult<JiraUser> UserApi::myself() const {
  json::Document doc;
  if (auto got = getJson(client_, "/rest/api/2/myself", false, doc); !got) return fail(got.error());
  JiraUser user = userOf(doc);
  if (user.name.empty()) return fail(ApiError::invalidResponse("myself has no name"));
  return user;
}

ApiResult<std::vector<JiraUser>> UserApi::assignable(const AssignableScope& scope, std::string_view username) const {
  const char* param = scope.kind == AssignableScope::Kind::Issue ? "issueKey" : "project";
  const std::string path = std::string("/rest/api/2/user/assignable/search?") + param + "=" +
                           ihp::sdk::url::percentEncode(scope.value) + "&username=" + ihp::sdk::url::percentEncode(username);
  json::Document doc;
  if (auto got = getJson(client_, path, true, doc); !got) return fail(got.error());
  if (!doc.IsArray()) return fail(ApiError::invalidResponse("user search is not a list"));
  std::vector<JiraUser> users;
  for (const auto& item : doc.GetArray()) users.push_back(userOf(item));
  return users;
}

ApiResult<std::optional<JiraUser>> UserApi::find(std::string_view nameOrKey) const {
  for (const char* param : {"username", "key"}) {
    json::Document doc;
    const std::string path =
        std::string("/rest/api/2/user?") + param + "=" + ihp::sdk::url::percentEncode(nameOrKey);
    auto got = getJson(client_, path, false, doc);
    if (!got) {
      if (got.error().isNotFound()) continue;
      return fail(got.error());
    }
    JiraUser user = userOf(doc);
    if (!user.name.empty()) return std::optional<JiraUser>(std::move(user));
  }
  return std::optional<JiraUser>();
}

}  // namespace ih::jira
