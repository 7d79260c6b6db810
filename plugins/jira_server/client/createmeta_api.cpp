#include "client/createmeta_api.h"

#include <functional>

#include "client/json_get.h"
#include "ihp/sdk/url.hpp"

namespace ih::jira {

namespace json = ihp::sdk::json;

namespace {

constexpr int kPageSize = 50;
constexpr int kMaxPages = 40;  // 2000 entries: far beyond any real create screen

// Reads every page of a createmeta collection, handing each `values` entry to `each`.
ApiResult<Done> readAllPages(const JiraClient& client, const std::string& path,
                             const std::function<void(const json::Value&)>& each) {
  int64_t startAt = 0;
  for (int page = 0; page < kMaxPages; ++page) {
    json::Document doc;
    const std::string pagePath =
        path + "?startAt=" + std::to_string(startAt) + "&maxResults=" + std::to_string(kPageSize);
    if (auto got = getJson(client, pagePath, true, doc); !got) return fail(got.error());
    const json::Value* values = json::member(doc, "values");
    if (values == nullptr || !values->IsArray()) return fail(ApiError::invalidResponse("createmeta without values"));
    for (const auto& value : values->GetArray()) each(value);

    const auto count = static_cast<int64_t>(values->Size());
    startAt += count;
    if (count == 0 || json::boolean(doc, "isLast").value_or(false)) return Done{};
    auto total = json::int64(doc, "total");
    if (!json::member(doc, "isLast") && (!total || startAt >= *total)) return Done{};
  }
  return Done{};
}

std::string createMetaPath(std::string_view projectId) {
  return "/rest/api/2/issue/createmeta/" + ihp::sdk::url::percentEncode(projectId) + "/issuetypes";
}

FieldMeta fieldOf(const json::Value& item) {
  FieldMeta field;
  field.fieldId = json::stringOr(item, "fieldId", json::stringOr(item, "key"));
  field.name = json::stringOr(item, "name", field.fieldId);
  field.required = json::boolean(item, "required").value_or(false);
  if (const json::Value* schema = json::member(item, "schema")) {
    field.schema = {json::stringOr(*schema, "type"), json::stringOr(*schema, "items"),
                    json::stringOr(*schema, "system"), json::stringOr(*schema, "custom")};
  }
  if (const json::Value* allowed = json::member(item, "allowedValues"); allowed != nullptr && allowed->IsArray()) {
    for (const auto& value : allowed->GetArray()) {
      field.allowedValues.push_back(
          {idText(value, "id"), json::stringOr(value, "name"), json::stringOr(value, "value")});
    }
  }
  if (const json::Value* fallback = json::member(item, "defaultValue"); fallback != nullptr && fallback->IsObject()) {
    std::string id = idText(*fallback, "id");
    if (!id.empty()) field.defaultValueId = std::move(id);
  }
  return field;
}

}  // namespace

ApiResult<std::vector<JiraIssueType>> CreateMetaApi::issueTypes(std::string_view projectId) const {
  std::vector<JiraIssueType> types;
  auto read = readAllPages(client_, createMetaPath(projectId), [&](const json::Value& item) {
    JiraIssueType type{idText(item, "id"), json::stringOr(item, "name")};
    if (!type.id.empty()) types.push_back(std::move(type));
  });
  if (!read) return fail(read.error());
  return types;
}

ApiResult<std::vector<FieldMeta>> CreateMetaApi::fields(std::string_view projectId,
                                                        std::string_view issueTypeId) const {
  std::vector<FieldMeta> fields;
  auto read = readAllPages(client_, createMetaPath(projectId) + "/" + ihp::sdk::url::percentEncode(issueTypeId),
                           [&](const json::Value& item) {
                             FieldMeta field = fieldOf(item);
                             if (!field.fieldId.empty()) fields.push_back(std::move(field));
                           });
  if (!read) return fail(read.error());
  return fields;
}

}  // namespace ih::jira
