#include "client/jira_connection.h"

#include "common/keys.h"
#include "ihp/sdk/json.hpp"

namespace ih::jira {

namespace json = ihp::sdk::json;

std::optional<JiraCredentials> JiraCredentials::fromJson(std::string_view text) {
  json::Document doc;
  if (!json::parseObject(text, doc)) return std::nullopt;
  JiraCredentials credentials;
  // Records written before auth_type existed are OAuth 1.0a.
  std::string authType = json::stringOr(doc, keys::kAuthType, keys::kAuthTypeOAuth1);
  if (authType == keys::kAuthTypePat) {
    credentials.authType = AuthType::PersonalAccessToken;
    credentials.personalAccessToken = json::stringOr(doc, keys::kPersonalAccessToken);
    if (credentials.personalAccessToken.empty()) return std::nullopt;
    return credentials;
  }
  if (authType != keys::kAuthTypeOAuth1) return std::nullopt;
  credentials.consumerKey = json::stringOr(doc, keys::kConsumerKey);
  credentials.privateKey = json::stringOr(doc, keys::kPrivateKey);
  credentials.accessToken = json::stringOr(doc, keys::kAccessToken);
  credentials.accessTokenSecret = json::stringOr(doc, keys::kAccessTokenSecret);
  if (credentials.consumerKey.empty() || credentials.privateKey.empty()) return std::nullopt;
  return credentials;
}

std::string JiraCredentials::toJson() const {
  json::JsonBuilder out;
  out.beginObject();
  if (authType == AuthType::PersonalAccessToken) {
    out.field(keys::kAuthType, keys::kAuthTypePat).field(keys::kPersonalAccessToken, personalAccessToken);
  } else {
    out.field(keys::kAuthType, keys::kAuthTypeOAuth1)
        .field(keys::kConsumerKey, consumerKey)
        .field(keys::kPrivateKey, privateKey)
        .field(keys::kAccessToken, accessToken)
        .field(keys::kAccessTokenSecret, accessTokenSecret);
  }
  out.endObject();
  return out.str();
}

std::optional<JiraConnection> loadConnection(const ihp::sdk::Host& host, int64_t integrationId,
                                             int64_t organizationId, ConnectionLoadError& error) {
  auto integration = host.integrationGet(integrationId);
  if (!integration) {
    error = {integration.status, "integration not found or unreadable"};
    return std::nullopt;
  }
  json::Document doc;
  const json::Value* metadata = json::parseObject(integration.value, doc) ? json::member(doc, "metadata") : nullptr;
  std::string baseUrl = metadata != nullptr ? json::stringOr(*metadata, keys::kBaseUrl) : std::string();
  if (baseUrl.empty()) {
    error = {IHP_E_INVALID, "integration metadata has no base_url"};
    return std::nullopt;
  }
  auto stored = host.credentials(integrationId, organizationId);
  if (!stored) {
    error = {stored.status, "credentials not found or unreadable"};
    return std::nullopt;
  }
  auto credentials = JiraCredentials::fromJson(stored.value);
  if (!credentials) {
    error = {IHP_E_INVALID, "stored credentials are incomplete"};
    return std::nullopt;
  }
  JiraConnection connection;
  connection.baseUrl = std::move(baseUrl);
  connection.verifySsl = json::boolean(*metadata, keys::kVerifySsl).value_or(true);
  connection.credentials = std::move(*credentials);
  connection.integrationId = integrationId;
  return connection;
}

}  // namespace ih::jira
