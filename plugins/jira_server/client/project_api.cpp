#include "client/project_api.h"

#include "client/json_get.h"

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

}  // namespace ih::jira
