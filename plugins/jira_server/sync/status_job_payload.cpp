#include "sync/status_job_payload.h"

#include "ihp/sdk/json.hpp"

namespace ih::jira {

namespace json = ihp::sdk::json;

std::string StatusJobPayload::toJson() const {
  json::JsonBuilder out;
  out.beginObject()
      .field("integrationId", integrationId)
      .field("organizationId", organizationId)
      .field("issueKey", issueKey)
      .field("from", from)
      .field("to", to)
      .endObject();
  return out.str();
}

std::optional<StatusJobPayload> StatusJobPayload::fromJson(std::string_view text) {
  json::Document doc;
  if (!json::parseObject(text, doc)) return std::nullopt;
  StatusJobPayload payload;
  payload.integrationId = json::int64(doc, "integrationId").value_or(0);
  payload.organizationId = json::int64(doc, "organizationId").value_or(0);
  payload.issueKey = json::stringOr(doc, "issueKey");
  payload.from = json::stringOr(doc, "from");
  payload.to = json::stringOr(doc, "to");
  if (payload.integrationId == 0 || payload.organizationId == 0 || payload.issueKey.empty()) return std::nullopt;
  return payload;
}

std::string externalIssueOrderingKey(int64_t integrationId, std::string_view issueKey) {
  return "external-issue:" + std::to_string(integrationId) + ":" + std::string(issueKey);
}

}  // namespace ih::jira
