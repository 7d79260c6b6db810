// The Jira DC >= 10 admin webhook resource /rest/jira-webhook/1.0/webhooks: numeric `id`,
// `active`, and a `configuration` map of string values where SECRET signs deliveries and
// EXCLUDE_BODY "true" empties them. A top-level `secret` is ignored, as on DC 10, and a
// 9.x `filters` body is accepted with its JQL ignored.
#include "common/json.h"
#include "rest/resources.h"
#include "rest/webhook_resource.h"

namespace ih::mock {
namespace {

void writeWebhook(json::JsonBuilder& out, const JiraModel&, const Webhook& webhook, const std::string&) {
  out.beginObject().field("id", webhook.id).field("name", webhook.name).field("url", webhook.url).key("events").beginArray();
  for (const auto& event : webhook.events) out.value(event);
  out.endArray().field("createdDate", webhook.createdMs).field("updatedDate", webhook.updatedMs).key("configuration").beginObject();
  for (const auto& [name, value] : webhook.configuration) out.field(name, value);
  out.endObject()
      .field("active", webhook.active)
      .field("scopeType", "global")
      .field("sslVerificationRequired", webhook.sslVerificationRequired)
      .endObject();
}

std::string configurationValue(const rapidjson::Value& value) {
  if (value.IsBool()) return value.GetBool() ? "true" : "false";
  if (auto text = json::scalarText(value)) return *text;
  return value.IsNull() ? "" : json::stringify(value);
}

void readDcFields(const rapidjson::Value& body, Webhook& webhook) {
  readCommonWebhookFields(body, webhook);
  webhook.active = json::boolean(body, "active").value_or(webhook.active);
  webhook.sslVerificationRequired = json::boolean(body, "sslVerificationRequired").value_or(webhook.sslVerificationRequired);
  const auto* configuration = json::member(body, "configuration");
  if (configuration == nullptr || !configuration->IsObject()) return;
  webhook.configuration.clear();
  for (const auto& entry : configuration->GetObject()) {
    webhook.configuration.emplace_back(entry.name.GetString(), configurationValue(entry.value));
  }
  webhook.secret.clear();
  webhook.excludeBody = false;
  for (const auto& [name, value] : webhook.configuration) {
    if (name == "SECRET") webhook.secret = value;
    if (name == "EXCLUDE_BODY") webhook.excludeBody = value == "true";
  }
}

}  // namespace

void registerDcWebhookRoutes(RouteTable& routes) {
  registerWebhookRoutes(routes, {WebhookGeneration::kDc, "/rest/jira-webhook/1.0/webhooks", Availability::kFromVersion10,
                                 readDcFields, writeWebhook});
}

}  // namespace ih::mock
