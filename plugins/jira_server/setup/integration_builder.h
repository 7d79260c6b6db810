// setup/integration_builder.h - what a completed install hands the host (the
// pipeline's 201 body): {"externalId","name","metadata","credentials"}. The
// host persists integration, identity and org link atomically from it, and only
// because we answer 201 after the webhook exists in Jira.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "setup/installation_form.h"
#include "setup/oauth_dance.h"
#include "setup/webhook_registrar.h"

namespace ih::jira {

// The host's limits, in characters (code points, as the host counts them): an
// install keeps within them before it calls Jira, so the host never refuses
// an integration whose webhook Jira already has.
inline constexpr size_t kMaxExternalIdLength = 64;
inline constexpr size_t kMaxIntegrationNameLength = 200;

// "<host[:port]>:<consumerKey>", cut to 64 characters (Sentry's external id).
std::string externalIdFor(std::string_view baseUrl, std::string_view consumerKey);

// The webhook route path for a token ("/extensions/jira-server/issue-updated/<token>/").
std::string webhookPath(std::string_view token);

struct BuiltIntegration {
  const InstallationData& installation;
  const OAuthTokenPair& accessToken;
  const std::string& webhookSecret;
  const WebhookRegistration& webhook;
};

std::string integrationJson(const BuiltIntegration& built);

// What any install method (OAuth 1.0a above, a personal access token in
// setup/pat_install_step.h) completes with: the same metadata either way.
struct CompletedInstall {
  const std::string& externalId;
  const std::string& name;
  const std::string& baseUrl;
  bool verifySsl;
  const std::string& webhookSecret;
  const WebhookRegistration& webhook;
  const JiraCredentials& credentials;
};

std::string completedIntegrationJson(const CompletedInstall& install);

}  // namespace ih::jira
