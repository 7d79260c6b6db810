// client/project_api.h - the projects the credentials can see (GET
// /rest/api/2/project, one unpaginated array, cached 240 s): the create form's
// project choices and the id -> key lookup of the user search; and a
// project's statuses (GET /rest/api/2/project/{id}/statuses, per issue type,
// merged), the choices of the settings' status mapping.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "client/jira_client.h"

namespace ih::jira {

struct JiraProject {
  std::string id;
  std::string key;
  std::string name;
};

class ProjectApi {
 public:
  explicit ProjectApi(const JiraClient& client) : client_(client) {}

  ApiResult<std::vector<JiraProject>> list() const;
  // The key of the project with this id; nullopt when no visible project has it.
  ApiResult<std::optional<std::string>> keyOf(std::string_view projectId) const;
  // Every status some issue type of the project can be in, each once, in Jira's order.
  ApiResult<std::vector<JiraStatus>> statuses(std::string_view projectId) const;

 private:
  const JiraClient& client_;
};

}  // namespace ih::jira
