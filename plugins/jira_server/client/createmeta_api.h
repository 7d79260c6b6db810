// client/createmeta_api.h - what may be created where (Jira >= 8.4):
// GET /rest/api/2/issue/createmeta/{projectId}/issuetypes[/{typeId}], pages of
// `values` (startAt / maxResults / isLast; Jira pages at 50) that are all
// followed, unlike Sentry, which silently dropped every field after the 50th.
// Cached 240 s per integration and page.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "client/jira_client.h"

namespace ih::jira {

struct JiraIssueType {
  std::string id;
  std::string name;
};

// One of a field's allowedValues: priorities, versions and components have a
// `name`, custom select options a `value`.
struct AllowedValue {
  std::string id;
  std::string name;
  std::string value;

  const std::string& label() const { return name.empty() ? value : name; }
};

struct FieldSchema {
  std::string type;    // "string", "number", "option", "array", "user", "priority", ...
  std::string items;   // for arrays: "string", "option", "user", "component", "version", ...
  std::string system;  // system field id, when a system field
  std::string custom;  // custom field type key, when a custom field
};

struct FieldMeta {
  std::string fieldId;
  std::string name;
  bool required = false;
  FieldSchema schema;
  std::vector<AllowedValue> allowedValues;
  std::optional<std::string> defaultValueId;  // defaultValue.id, when Jira gives one
};

class CreateMetaApi {
 public:
  explicit CreateMetaApi(const JiraClient& client) : client_(client) {}

  ApiResult<std::vector<JiraIssueType>> issueTypes(std::string_view projectId) const;
  ApiResult<std::vector<FieldMeta>> fields(std::string_view projectId, std::string_view issueTypeId) const;

 private:
  const JiraClient& client_;
};

}  // namespace ih::jira
