#include "client/issue_api.h"

#include "ihp/sdk/timestamp.hpp"
#include "client/json_get.h"
#include "ihp/sdk/url.hpp"

namespace ih::jira {

namespace json = ihp::sdk::json;

std::string IssueApi::issuePath(std::string_view key) { return "/rest/api/2/issue/" + ihp::sdk::url::percentEncode(key); }

ApiResult<JiraIssue> IssueApi::get(std::string_view key) const {
  json::Document doc;
  if (auto got = getJson(client_, issuePath(key), false, doc); !got) return fail(got.error());
  const json::Value* fields = json::member(doc, "fields");
  if (fields == nullptr || !fields->IsObject()) return fail(ApiError::invalidResponse("issue without fields"));
  JiraIssue issue;
  issue.key = json::stringOr(doc, "key", key);
  issue.summary = json::stringOr(*fields, "summary");
  issue.description = json::stringOr(*fields, "description");
  if (const json::Value* project = json::member(*fields, "project")) issue.projectId = idText(*project, "id");
  if (const json::Value* status = json::member(*fields, "status")) issue.statusId = idText(*status, "id");
  return issue;
}

ApiResult<TicketLastChange> IssueApi::lastChange(std::string_view key) const {
  json::Document doc;
  if (auto got = getJson(client_, issuePath(key) + "?fields=updated,status", false, doc); !got) {
    return fail(got.error());
  }
  const json::Value* fields = json::member(doc, "fields");
  auto updated = fields != nullptr ? json::string(*fields, "updated") : std::nullopt;
  auto ms = updated ? ihp::sdk::timestamp::parseMs(*updated) : std::nullopt;
  if (!ms) return fail(ApiError::invalidResponse("issue without a readable fields.updated"));
  TicketLastChange change;
  change.updatedMs = *ms;
  if (const json::Value* status = json::member(*fields, "status")) change.statusId = idText(*status, "id");
  return change;
}

ApiResult<Done> IssueApi::assign(std::string_view key, const std::optional<std::string>& name) const {
  json::JsonBuilder body;
  body.beginObject().field("name", name).endObject();
  auto response = client_.sendJson("PUT", issuePath(key) + "/assignee", body.str());
  if (!response) return fail(response.error());
  return Done{};
}

ApiResult<std::string> IssueApi::create(const std::string& fieldsJson) const {
  json::JsonBuilder body;
  body.beginObject().rawField("fields", fieldsJson).endObject();
  auto response = client_.sendJson("POST", "/rest/api/2/issue", body.str());
  if (!response) return fail(response.error());
  json::Document doc;
  if (auto parsed = JiraClient::parseBody(response->body, doc); !parsed) return fail(parsed.error());
  std::string key = json::stringOr(doc, "key");
  if (key.empty()) return fail(ApiError::invalidResponse("There was an error creating the issue."));
  return key;
}

ApiResult<std::vector<IssueHit>> IssueApi::search(std::string_view jql) const {
  json::Document doc;
  if (auto got = getJson(client_, "/rest/api/2/search/?jql=" + ihp::sdk::url::percentEncode(jql), false, doc); !got) {
    return fail(got.error());
  }
  const json::Value* issues = json::member(doc, "issues");
  if (issues == nullptr || !issues->IsArray()) return fail(ApiError::invalidResponse("search without issues"));
  std::vector<IssueHit> hits;
  for (const auto& issue : issues->GetArray()) {
    IssueHit hit;
    hit.key = json::stringOr(issue, "key");
    if (const json::Value* fields = json::member(issue, "fields")) hit.summary = json::stringOr(*fields, "summary");
    if (!hit.key.empty()) hits.push_back(std::move(hit));
  }
  return hits;
}

}  // namespace ih::jira
