#include "webhook/token_validator.h"

#include "common/keys.h"
#include "ihp/sdk/json.hpp"

namespace ih::jira {

namespace json = ihp::sdk::json;

namespace {
constexpr std::string_view kProvider = "jira_server";
}

std::string_view tokenFailureLabel(TokenFailure failure) {
  switch (failure) {
    case TokenFailure::Empty: return "empty";
    case TokenFailure::Decode: return "decode";
    case TokenFailure::MissingId: return "missing_id";
    case TokenFailure::UnknownIntegration: return "unknown_integration";
    case TokenFailure::Signature: return "signature";
    case TokenFailure::HostError: return "host_error";
  }
  return "unknown";
}

std::string_view tokenFailureReason(TokenFailure failure) {
  switch (failure) {
    case TokenFailure::Empty: return "Token was empty";
    case TokenFailure::Decode: return "Could not decode JWT token";
    case TokenFailure::MissingId: return "Token did not contain `id`";
    case TokenFailure::UnknownIntegration: return "Could not find integration for token";
    case TokenFailure::Signature: return "Could not validate JWT";
    case TokenFailure::HostError: return "The host could not look up the integration";
  }
  return "unknown";
}

Expected<WebhookIntegration, TokenFailure> validateWebhookToken(const ihp::sdk::Host& host, std::string_view token) {
  if (token.empty()) return fail(TokenFailure::Empty);

  auto peeked = host.jwtPeekClaims(token);
  // Both documents are only looked into, so they are read in place (every
  // delivery reads them).
  json::Document claims;
  if (!peeked || !json::readInPlace(peeked.value, claims) || !claims.IsObject()) return fail(TokenFailure::Decode);
  std::string externalId = json::stringOr(claims, "id");
  if (externalId.empty()) return fail(TokenFailure::MissingId);

  auto found = host.integrationFind(externalId);
  if (found.status == IHP_E_NOT_FOUND) return fail(TokenFailure::UnknownIntegration);
  if (!found) return fail(TokenFailure::HostError);
  json::Document integration;
  if (!json::readInPlace(found.value, integration) || !integration.IsObject()) {
    return fail(TokenFailure::UnknownIntegration);
  }
  // Better than Sentry: a disabled or deleting integration accepts nothing, and
  // only this provider's records count (Sentry's newest lookup has no filter).
  const std::string provider = json::stringOr(integration, "provider", kProvider);
  if (json::stringOr(integration, "status") != "active" || provider != kProvider) {
    return fail(TokenFailure::UnknownIntegration);
  }

  const json::Value* metadata = json::member(integration, "metadata");
  const std::string secret = metadata != nullptr ? json::stringOr(*metadata, keys::kWebhookSecret) : std::string();
  if (secret.empty() || !host.jwtVerify(token, secret)) return fail(TokenFailure::Signature);

  WebhookIntegration result;
  result.id = json::int64(integration, "id").value_or(0);
  result.externalId = std::move(externalId);
  result.dcWebhookSecret = json::stringOr(*metadata, keys::kDcWebhookSecret);
  return result;
}

}  // namespace ih::jira
