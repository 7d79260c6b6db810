#include "sync/status_job_payload.h"

#include <algorithm>

#include "ihp/sdk/json.hpp"

namespace ih::jira {

namespace json = ihp::sdk::json;

std::string StatusJobPayload::toJson() const {
  json::JsonBuilder out;
  out.beginObject()
      .field("integrationId", integrationId)
      .field("organizationId", organizationId)
      .field("issueKey", issueKey)
      .field("statusId", statusId)
      .field("categoryKey", categoryKey)
      .field("eventTimeMs", eventTimeMs)
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
  payload.statusId = json::stringOr(doc, "statusId");
  // Jobs queued before an upgrade carry the change {from, to}: "to" is the
  // status at their event time.
  if (payload.statusId.empty()) payload.statusId = json::stringOr(doc, "to");
  payload.categoryKey = json::stringOr(doc, "categoryKey");
  payload.eventTimeMs = std::max<int64_t>(0, json::int64(doc, "eventTimeMs").value_or(0));
  if (payload.integrationId == 0 || payload.organizationId == 0 || payload.issueKey.empty() ||
      payload.statusId.empty()) {
    return std::nullopt;
  }
  return payload;
}

std::string externalIssueOrderingKey(int64_t integrationId, std::string_view issueKey) {
  return "external-issue:" + std::to_string(integrationId) + ":" + std::string(issueKey);
}

}  // namespace ih::jira
