#include "setup/webhook_setup.h"

#include "ihp/sdk/hex.hpp"
#include "ihp/sdk/json.hpp"
#include "setup/integration_builder.h"
#include "setup/previous_install.h"

namespace ih::jira {

namespace json = ihp::sdk::json;

namespace {

constexpr size_t kSecretBytes = 32;

// 32 random bytes as hex. Unlike Sentry (SHA-1 of the private key), knowing the
// key reveals nothing about the webhook secret.
std::optional<std::string> newSecret(const ihp::sdk::Host& host) {
  auto bytes = host.randomBytes(kSecretBytes);
  if (!bytes) return std::nullopt;
  return ihp::sdk::hex::encode(bytes.value);
}

// The URL Jira will call: the token is a JWT {"id": external id}, HS256 with
// the webhook secret (the hex text itself is the key, as in Sentry).
std::optional<std::string> webhookUrl(const ihp::sdk::Host& host, std::string_view publicUrl,
                                      const std::string& externalId, const std::string& secret) {
  json::JsonBuilder claims;
  claims.beginObject().field("id", externalId).endObject();
  auto token = host.jwtSign(claims.str(), secret);
  if (!token) return std::nullopt;
  return std::string(publicUrl) + webhookPath(token.value);
}

}  // namespace

Expected<WebhookSetup, ihp_status> prepareWebhookSetup(const ihp::sdk::Host& host, std::string_view publicUrl,
                                                       const std::string& externalId) {
  auto previous = findPreviousInstall(host, externalId);
  if (!previous) {
    host.error(std::string("installation: could not read the existing integration: ") +
               ihp::sdk::statusName(previous.error()));
    return fail(previous.error());
  }
  auto webhookSecret = previous.value() ? std::optional<std::string>(previous.value()->webhookSecret) : newSecret(host);
  auto dcSecret = previous.value() && !previous.value()->dcWebhookSecret.empty()
                      ? std::optional<std::string>(previous.value()->dcWebhookSecret)
                      : newSecret(host);
  if (!webhookSecret || !dcSecret) {
    host.error("installation: the host could not generate a webhook secret");
    return fail(IHP_E_INTERNAL);
  }
  auto url = webhookUrl(host, publicUrl, externalId, *webhookSecret);
  if (!url) {
    host.error("installation: the host could not sign the webhook token");
    return fail(IHP_E_INTERNAL);
  }
  return WebhookSetup{*webhookSecret, WebhookPlan{*url, *dcSecret, previous.value()}};
}

}  // namespace ih::jira
