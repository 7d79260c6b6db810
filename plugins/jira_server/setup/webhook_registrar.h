// setup/webhook_registrar.h - makes sure Jira has the "Issue Sync" webhook for
// this installation before anything is persisted: reads serverInfo to pick the
// webhook API generation (>= 10: jira-webhook, with a delivery SECRET), reuses
// a still-existing webhook of a previous install, or creates one.
// Failure message: "Could not create issue webhook in Jira. <details>".
#pragma once

#include <optional>
#include <string>

#include "client/jira_client.h"
#include "client/webhook_api.h"
#include "common/expected.h"
#include "setup/previous_install.h"

namespace ih::jira {

struct WebhookPlan {
  std::string url;              // {public}/extensions/jira-server/issue-updated/{JWT}/
  std::string dcWebhookSecret;  // used when a DC 10 webhook is created
  std::optional<PreviousInstall> previous;
};

struct WebhookRegistration {
  std::optional<std::string> id;  // none when Jira answered 204
  WebhookGeneration generation = WebhookGeneration::Legacy;
  std::string dcWebhookSecret;    // what the webhook signs deliveries with; empty = unsigned
};

Expected<WebhookRegistration, std::string> registerWebhook(const JiraClient& client, const WebhookPlan& plan);

// The details Sentry shows: the first value of the first object in a
// {"messages":[{...}]} body (Jira's webhook plugin, e.g. a non-admin's 403);
// else the first of REST's {"errorMessages":[...]}; else the transport text.
std::string webhookErrorDetails(const ApiError& error);

}  // namespace ih::jira
