#include "client/project_api.h"

#include <algorithm>

#include "client/json_get.h"
#include "ihp/sdk/url.hpp"

namespace ih::jira {

namespace json = ihp::sdk::json;

ApiResult<std::vector<JiraProject>> ProjectApi::list() const {
  json::Document doc;
  if (auto got = getJson(client_, "/rest/api/2/project", true, doc); !got) return fail(got.error());
  if (!doc.IsArray()) return fail(ApiError::invalidResponse("project list is not an array"));
  std::vector<JiraProject> projects;
  for (const auto& item : doc.GetArray()) {
    JiraProject project{idText(item, "id"), json::stringOr(item, "key"), json::stringOr(item, "name")};
    if (!project.id.empty()) projects.push_back(std::move(project));
  }
  return projects;
}

ApiResult<std::optional<std::string>> ProjectApi::keyOf(std::string_view projectId) const {
  auto projects = list();
  if (!projects) return fail(projects.error());
  for (const auto& project : projects.value()) {
    if (project.id == projectId) return std::optional<std::string>(project.key);
  }
  return std::optional<std::string>();
}

ApiResult<std::vector<JiraStatus>> ProjectApi::statuses(std::string_view projectId) const {
  json::Document doc;
  const std::string path = "/rest/api/2/project/" + ihp::sdk::url::percentEncode(projectId) + "/statuses";
  if (auto got = getJson(client_, path, true, doc); !got) return fail(got.error());
  if (!doc.IsArray()) return fail(ApiError::invalidResponse("project statuses are not an array"));
  std::vector<JiraStatus> statuses;
  for (const auto& type : doc.GetArray()) {
    const json::Value* list = json::member(type, "statuses");
    if (list == nullptr || !list->IsArray()) continue;
    for (const auto& item : list->GetArray()) {
      JiraStatus status = jiraStatusFrom(item);
      const bool seen =
          std::any_of(statuses.begin(), statuses.end(), [&](const JiraStatus& s) { return s.id == status.id; });
      if (!status.id.empty() && !seen) statuses.push_back(std::move(status));
    }
  }
  return statuses;
}

}  // namespace ih::jira
