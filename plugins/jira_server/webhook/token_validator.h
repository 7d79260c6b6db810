// webhook/token_validator.h - authenticates a webhook delivery by the JWT in
// its URL, in Sentry's order: 1. not empty, 2. decodes (unverified, to find
// the key), 3. has a string `id`, 4. an ACTIVE jira_server integration has that
// external id, 5. the HS256 signature verifies with that integration's
// webhook secret (the host does the crypto: HS256 only, constant-time).
// The token is a credential: it is never logged or echoed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/expected.h"
#include "ihp/sdk/host.hpp"

namespace ih::jira {

enum class TokenFailure {
  Empty,
  Decode,
  MissingId,
  UnknownIntegration,
  Signature,
  HostError,  // the host could not answer: not the sender's fault (500, not 400)
};

// The counter label: empty|decode|missing_id|unknown_integration|signature.
std::string_view tokenFailureLabel(TokenFailure failure);
// Sentry's reason text ("Token was empty", ...).
std::string_view tokenFailureReason(TokenFailure failure);

struct WebhookIntegration {
  int64_t id = 0;
  std::string externalId;
  std::string dcWebhookSecret;  // empty: deliveries are not HMAC-signed
};

Expected<WebhookIntegration, TokenFailure> validateWebhookToken(const ihp::sdk::Host& host, std::string_view token);

}  // namespace ih::jira
