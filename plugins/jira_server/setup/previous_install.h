// setup/previous_install.h - what a re-install of the same Jira + consumer key
// must keep from the integration that already exists (another org installed
// it, or this org is installing again).
//
// Doing better than Sentry: Sentry derives the webhook secret from the private
// key and registers a second identical webhook on every install. Here the
// secret is random, so a re-install must REUSE the stored webhook secret (and
// the DC delivery secret): a new one would make the token in the existing
// webhook's URL stop validating for every org already linked. And the webhook
// is only created again when the stored one is gone from Jira, so Jira never
// delivers the same event twice.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "client/webhook_api.h"
#include "common/expected.h"
#include "ihp/sdk/host.hpp"

namespace ih::jira {

struct PreviousInstall {
  int64_t integrationId = 0;
  std::string webhookSecret;
  std::string dcWebhookSecret;  // empty when none was set
  std::string webhookId;        // empty when Jira never told us
  std::optional<WebhookGeneration> webhookApi;
};

// The active integration with this external id that has a webhook secret;
// nullopt when there is none (or it is disabled / being deleted, whose secret
// must not be revived). A host failure is returned as its status.
Expected<std::optional<PreviousInstall>, ihp_status> findPreviousInstall(const ihp::sdk::Host& host,
                                                                          std::string_view externalId);

}  // namespace ih::jira
