#include "webhooks/payload_builder.h"

#include "common/json.h"

namespace ih::mock {

std::string buildPayload(const IssueEvent& event) {
  json::JsonBuilder out;
  out.beginObject().field("timestamp", event.timestampMs).field("webhookEvent", event.webhookEvent);
  if (!event.typeName.empty()) out.field("issue_event_type_name", event.typeName);
  if (!event.userJson.empty()) out.rawField("user", event.userJson);
  if (!event.issueJson.empty()) out.rawField("issue", event.issueJson);
  if (event.changelogId) {
    out.key("changelog").beginObject().field("id", *event.changelogId).key("items").beginArray();
    for (const auto& item : event.changelog) {
      out.beginObject()
          .field("field", item.field)
          .field("fieldtype", item.fieldtype)
          .field("from", item.from)
          .field("fromString", item.fromString)
          .field("to", item.to)
          .field("toString", item.toString)
          .endObject();
    }
    out.endArray().endObject();
  }
  if (event.commentJson) out.rawField("comment", *event.commentJson);
  out.endObject();
  return out.str();
}

}  // namespace ih::mock
