#include "setup/integration_builder.h"

#include "client/jira_connection.h"
#include "client/url_parts.h"
#include "common/keys.h"
#include "common/strings.h"
#include "ihp/sdk/json.hpp"
#include "ihp/sdk/utf8.hpp"

namespace ih::jira {

namespace json = ihp::sdk::json;

std::string externalIdFor(std::string_view baseUrl, std::string_view consumerKey) {
  std::string id = url::netloc(baseUrl) + ":" + std::string(consumerKey);
  return ihp::sdk::utf8::prefix(id, kMaxExternalIdLength);
}

std::string webhookPath(std::string_view token) {
  return "/extensions/jira-server/issue-updated/" + std::string(token) + "/";
}

std::string completedIntegrationJson(const CompletedInstall& install) {
  json::JsonBuilder out;
  out.beginObject()
      .field("externalId", install.externalId)
      .field("name", install.name)
      .key("metadata")
      .beginObject()
      .field(keys::kBaseUrl, install.baseUrl)
      .field(keys::kDomainName, url::netloc(install.baseUrl))
      .field(keys::kVerifySsl, install.verifySsl)
      .field(keys::kWebhookSecret, install.webhookSecret)
      .field(keys::kWebhookId, install.webhook.id)
      .field(keys::kWebhookApi, generationName(install.webhook.generation));
  if (!install.webhook.dcWebhookSecret.empty()) out.field(keys::kDcWebhookSecret, install.webhook.dcWebhookSecret);
  out.endObject().rawField("credentials", install.credentials.toJson()).endObject();
  return out.str();
}

std::string integrationJson(const BuiltIntegration& built) {
  const InstallationData& data = built.installation;
  JiraCredentials credentials = data.connection().credentials;
  credentials.accessToken = built.accessToken.token;
  credentials.accessTokenSecret = built.accessToken.secret;
  return completedIntegrationJson({externalIdFor(data.url, data.consumerKey), data.consumerKey, data.url,
                                   data.verifySsl, built.webhookSecret, built.webhook, credentials});
}

}  // namespace ih::jira
