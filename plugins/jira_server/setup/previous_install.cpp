#include "setup/previous_install.h"

#include "common/keys.h"
#include "ihp/sdk/json.hpp"

namespace ih::jira {

namespace json = ihp::sdk::json;

Expected<std::optional<PreviousInstall>, ihp_status> findPreviousInstall(const ihp::sdk::Host& host,
                                                                          std::string_view externalId) {
  auto found = host.integrationFind(externalId);
  if (found.status == IHP_E_NOT_FOUND) return std::optional<PreviousInstall>();
  if (!found) return fail(found.status);

  json::Document doc;
  if (!json::parseObject(found.value, doc)) return std::optional<PreviousInstall>();
  const json::Value* metadata = json::member(doc, "metadata");
  if (json::stringOr(doc, "status") != "active" || metadata == nullptr) return std::optional<PreviousInstall>();

  PreviousInstall previous;
  previous.integrationId = json::int64(doc, "id").value_or(0);
  previous.webhookSecret = json::stringOr(*metadata, keys::kWebhookSecret);
  if (previous.webhookSecret.empty()) return std::optional<PreviousInstall>();
  previous.dcWebhookSecret = json::stringOr(*metadata, keys::kDcWebhookSecret);
  previous.webhookId = json::stringOr(*metadata, keys::kWebhookId);
  previous.webhookApi = generationFromName(json::stringOr(*metadata, keys::kWebhookApi));
  return std::optional<PreviousInstall>(std::move(previous));
}

}  // namespace ih::jira
