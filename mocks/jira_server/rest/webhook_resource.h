// The CRUD behaviour both admin-webhook generations share: admin-only changes, the
// webhook plugin's own error shapes (not Jira's errorMessages/errors), 201/200/204
// answers and 404 for unknown ids. A generation supplies how it reads a request body
// and how it renders a webhook.
#pragma once

#include <functional>
#include <string>

#include <rapidjson/document.h>

#include "common/json.h"
#include "rest/route_table.h"

namespace ih::mock {

struct WebhookGenerationSpec {
  WebhookGeneration generation;
  std::string collectionPath;
  Availability availability;
  // Applies the fields present in a create/update body; absent fields keep their value.
  std::function<void(const rapidjson::Value&, Webhook&)> readFields;
  std::function<void(json::JsonBuilder&, const JiraModel&, const Webhook&, const std::string& baseUrl)> writeWebhook;
};

void registerWebhookRoutes(RouteTable& routes, WebhookGenerationSpec spec);
// Copies name, url and events from a body onto the webhook when present.
void readCommonWebhookFields(const rapidjson::Value& body, Webhook& webhook);

}  // namespace ih::mock
