#include "uninstall/webhook_removal.h"

#include <algorithm>
#include <array>
#include <string>

#include "client/jira_client.h"
#include "client/webhook_api.h"
#include "common/keys.h"
#include "ihp/sdk/json.hpp"

namespace ih::jira {

namespace json = ihp::sdk::json;

namespace {

// A Jira that stays unreachable must not keep the integration (and its sealed
// credentials) pending deletion for good: the job comes back at growing
// intervals, then completes without the deletion. Attempt n asks to wait
// kUnreachableRetryMs[n - 1] (about eleven hours in all); the host caps a
// wait at 4 x --job-retry-max-ms, 20 minutes by default, so by default the
// deletion is tried for about 80 minutes. The last of these attempts comes
// before the host's default limit (8), so the job ends done, not dead.
constexpr std::array<int64_t, 6> kUnreachableRetryMs = {60'000,      5 * 60'000,      15 * 60'000,
                                                        60 * 60'000, 3 * 60 * 60'000, 6 * 60 * 60'000};

struct InstalledWebhook {
  std::string id;
  WebhookGeneration generation = WebhookGeneration::Legacy;
};

// Base URL, TLS setting and webhook from the integration record handed to
// the hook; the credentials come with the call (any identity of the integration).
std::optional<JiraConnection> connectionOf(const ihp_uninstall_call& call, const json::Value& metadata) {
  auto credentials = JiraCredentials::fromJson(ihp::sdk::view(call.credentials_json));
  std::string baseUrl = json::stringOr(metadata, keys::kBaseUrl);
  if (!credentials || baseUrl.empty()) return std::nullopt;
  JiraConnection connection;
  connection.baseUrl = std::move(baseUrl);
  connection.verifySsl = json::boolean(metadata, keys::kVerifySsl).value_or(true);
  connection.credentials = std::move(*credentials);
  connection.integrationId = call.integration_id;
  return connection;
}

}  // namespace

ihp_status runUninstall(const ihp::sdk::Host& host, const ihp_uninstall_call& call, ihp::sdk::Reply& reply) {
  json::Document integration;
  const json::Value* metadata = json::parseObject(ihp::sdk::view(call.integration_json), integration)
                                    ? json::member(integration, "metadata")
                                    : nullptr;
  const std::string webhookId = metadata != nullptr ? json::stringOr(*metadata, keys::kWebhookId) : std::string();
  const std::string prefix = "uninstall: integration " + std::to_string(call.integration_id) + ": ";
  if (webhookId.empty()) {
    host.info(prefix + "no webhook id was stored; nothing to delete in Jira");
    return IHP_OK;
  }
  const auto generation =
      generationFromName(json::stringOr(*metadata, keys::kWebhookApi)).value_or(WebhookGeneration::Legacy);
  auto connection = connectionOf(call, *metadata);
  if (!connection) {
    host.warn(prefix + "no usable credentials; delete Jira webhook " + webhookId + " by hand");
    return IHP_OK;
  }

  JiraClient client(host, std::move(*connection));
  auto removed = WebhookApi(client, generation).remove(webhookId);
  if (removed) {
    host.info(prefix + "Jira webhook " + webhookId + " deleted (or already gone)");
    return IHP_OK;
  }
  const ApiError& error = removed.error();
  if (error.isUnauthorized() || error.isHttp(403)) {
    host.warn(prefix + "Jira refused to delete webhook " + webhookId + " (HTTP " + std::to_string(error.status()) +
              "); an administrator must delete it in Jira");
    return IHP_OK;
  }
  if (error.isTransient()) {
    const std::string why =
        error.kind() == ApiError::Kind::Http ? "HTTP " + std::to_string(error.status()) : error.text();
    if (call.attempt > kUnreachableRetryMs.size()) {
      host.warn(prefix + "Jira stayed unavailable (" + why + ") through " + std::to_string(call.attempt) +
                " attempts; webhook " + webhookId + " was not deleted: an administrator must delete it in Jira");
      return IHP_OK;
    }
    const int64_t planned = kUnreachableRetryMs[std::max<uint32_t>(call.attempt, 1) - 1];
    reply.retryAfterMs(std::max(planned, error.retryAfterMs().value_or(0)));
    reply.error("Jira is unavailable; webhook " + webhookId + " not deleted yet (" + why + ")");
    return IHP_E_RETRY;
  }
  host.warn(prefix + "Jira did not delete webhook " + webhookId + " (HTTP " + std::to_string(error.status()) +
            "); an administrator must delete it in Jira");
  reply.error("could not delete the Jira webhook " + webhookId);
  return IHP_OK;
}

}  // namespace ih::jira
