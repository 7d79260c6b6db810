// setup/webhook_setup.h - what every install method needs before it asks
// Jira for the webhook: the integration's webhook secret (reused from a
// previous install of the same external id, else 32 fresh random bytes), the
// DC 10 delivery secret (likewise), and the webhook URL whose token is a JWT
// {"id": external id} signed with the secret. Shared by the OAuth callback
// step and the personal-access-token install.
#pragma once

#include <string>
#include <string_view>

#include "common/expected.h"
#include "ihp/sdk/host.hpp"
#include "setup/webhook_registrar.h"

namespace ih::jira {

struct WebhookSetup {
  std::string webhookSecret;
  WebhookPlan plan;
};

// The host's status when it could not read the previous install, generate a
// secret or sign the token (each logged here).
Expected<WebhookSetup, ihp_status> prepareWebhookSetup(const ihp::sdk::Host& host, std::string_view publicUrl,
                                                       const std::string& externalId);

}  // namespace ih::jira
