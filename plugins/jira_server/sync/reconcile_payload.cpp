#include "sync/reconcile_payload.h"

#include "ihp/sdk/json.hpp"

namespace ih::jira {

namespace json = ihp::sdk::json;

std::string ReconcilePayload::toJson() const {
  json::JsonBuilder out;
  out.beginObject().field("organizationId", organizationId).field("integrationId", integrationId);
  out.key("tickets").beginArray();
  for (const auto& ticket : tickets) {
    out.beginObject().field("key", ticket.key).field("externalIssueId", ticket.externalIssueId).endObject();
  }
  out.endArray().endObject();
  return out.str();
}

std::optional<ReconcilePayload> ReconcilePayload::fromJson(std::string_view text) {
  json::Document doc;
  if (!json::parseObject(text, doc)) return std::nullopt;
  ReconcilePayload payload;
  payload.organizationId = json::int64(doc, "organizationId").value_or(0);
  payload.integrationId = json::int64(doc, "integrationId").value_or(0);
  const json::Value* tickets = json::member(doc, "tickets");
  if (payload.organizationId == 0 || payload.integrationId == 0 || tickets == nullptr || !tickets->IsArray()) {
    return std::nullopt;
  }
  for (const auto& item : tickets->GetArray()) {
    if (!item.IsObject()) return std::nullopt;
    ReconcileTicket ticket{json::stringOr(item, "key"), json::int64(item, "externalIssueId").value_or(0)};
    if (ticket.key.empty()) return std::nullopt;
    payload.tickets.push_back(std::move(ticket));
  }
  return payload;
}

std::string reconcileOrderingKey(int64_t integrationId, int64_t organizationId) {
  return "reconcile:" + std::to_string(integrationId) + ":" + std::to_string(organizationId);
}

}  // namespace ih::jira
