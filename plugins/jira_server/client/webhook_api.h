// client/webhook_api.h - Jira's admin-webhook resource, in both generations:
// Server/DC <= 9.x serve /rest/webhooks/1.0/webhook (201 bean, id only as the
// last segment of `self`), DC >= 10 serve /rest/jira-webhook/1.0/webhooks
// (numeric `id`, a `configuration` map with the SECRET that signs deliveries
// with X-Hub-Signature). Each generation 404s the other's path, so callers pick
// the generation from serverInfo's major version.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "client/jira_client.h"

namespace ih::jira {

enum class WebhookGeneration { Legacy, JiraWebhook };

// "legacy" | "jira-webhook" (the metadata value of keys::kWebhookApi).
std::string_view generationName(WebhookGeneration generation);
std::optional<WebhookGeneration> generationFromName(std::string_view name);
WebhookGeneration generationForMajorVersion(int majorVersion);

struct WebhookSpec {
  std::string name;
  std::string url;
  std::vector<std::string> events;
  std::string secret;  // DC 10 only: signs deliveries (X-Hub-Signature); empty = unsigned
};

struct WebhookInfo {
  std::string id;
  std::string url;
};

class WebhookApi {
 public:
  WebhookApi(const JiraClient& client, WebhookGeneration generation) : client_(client), generation_(generation) {}

  WebhookGeneration generation() const { return generation_; }

  // Creates the webhook. The id when Jira returned one (201 with a body); a
  // 204 (seen from stubs and proxies) has none.
  ApiResult<std::optional<std::string>> create(const WebhookSpec& spec) const;
  // The webhook with this id, or nullopt when Jira answers 404.
  ApiResult<std::optional<WebhookInfo>> find(std::string_view id) const;
  // Deletes it; a webhook that is already gone counts as deleted.
  ApiResult<Done> remove(std::string_view id) const;

  std::string collectionPath() const;

 private:
  std::string body(const WebhookSpec& spec) const;
  static std::optional<std::string> idOf(const ihp::sdk::json::Value& bean);

  const JiraClient& client_;
  WebhookGeneration generation_;
};

}  // namespace ih::jira
