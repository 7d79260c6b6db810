// The Jira <= 9 admin webhook resource /rest/webhooks/1.0/webhook. Beans carry `self`
// and no `id` (clients take the id from self's last segment) and `enabled` rather than
// `active`; very old keys (jqlFilter, excludeIssueDetails) are accepted and ignored.
#include "common/json.h"
#include "rest/resources.h"
#include "rest/webhook_resource.h"

namespace ih::mock {
namespace {

constexpr const char* kCollection = "/rest/webhooks/1.0/webhook";

void writeBean(json::JsonBuilder& out, const JiraModel& model, const Webhook& webhook, const std::string& baseUrl) {
  const auto* editor = model.findUser(webhook.lastUpdatedUser);
  out.beginObject().field("name", webhook.name).field("url", webhook.url).key("events").beginArray();
  for (const auto& event : webhook.events) out.value(event);
  out.endArray()
      .key("filters").beginObject().field("issue-related-events-section", webhook.jqlFilter).endObject()
      .field("excludeBody", webhook.excludeBody)
      .field("enabled", webhook.active)
      .field("self", baseUrl + kCollection + "/" + std::to_string(webhook.id))
      .field("lastUpdatedUser", editor != nullptr ? editor->key : webhook.lastUpdatedUser)
      .field("lastUpdatedDisplayName", editor != nullptr ? editor->displayName : webhook.lastUpdatedUser)
      .field("lastUpdated", webhook.updatedMs)
      .endObject();
}

void readLegacyFields(const rapidjson::Value& body, Webhook& webhook) {
  readCommonWebhookFields(body, webhook);
  if (const auto* filters = json::member(body, "filters")) {
    webhook.jqlFilter = json::string(*filters, "issue-related-events-section").value_or(webhook.jqlFilter);
  }
  webhook.excludeBody = json::boolean(body, "excludeBody").value_or(webhook.excludeBody);
  webhook.active = json::boolean(body, "enabled").value_or(webhook.active);
  // Third-party clients send a top-level secret; Jira keeps the old one when it is omitted.
  webhook.secret = json::string(body, "secret").value_or(webhook.secret);
}

}  // namespace

void registerLegacyWebhookRoutes(RouteTable& routes) {
  registerWebhookRoutes(routes, {WebhookGeneration::kLegacy, kCollection, Availability::kUpToVersion9, readLegacyFields, writeBean});
}

}  // namespace ih::mock
