#include "setup/oauth_callback_step.h"

#include "client/jira_client.h"
#include "common/replies.h"
#include "common/strings.h"
#include "ihp/sdk/json.hpp"
#include "setup/integration_builder.h"
#include "setup/pipeline_state.h"
#include "setup/previous_install.h"
#include "setup/webhook_registrar.h"
#include "setup/webhook_setup.h"

namespace ih::jira {

namespace json = ihp::sdk::json;

namespace {

// Sentry sends the callback's oauth_token as the verifier (Jira Server accepts
// it); a real oauth_verifier wins when the callback carries one.
std::string verifierOf(const json::Value& input) {
  for (const char* key : {"oauthVerifier", "oauth_verifier", "oauthToken", "oauth_token"}) {
    std::string value = json::stringOr(input, key);
    if (!value.empty()) return value;
  }
  return {};
}

}  // namespace

ihp_status runOAuthCallbackStep(const ihp::sdk::Host& host, const ihp_pipeline_call& call, ihp::sdk::Reply& reply) {
  auto state = PipelineState::fromJson(ihp::sdk::view(call.state_json));
  if (!state) {
    replyDetail(reply, 400, "Missing installation_data");
    return IHP_OK;
  }
  json::Document input;
  if (!json::parseObject(ihp::sdk::view(call.input_json), input)) input.SetObject();
  std::string verifier = verifierOf(input);
  if (verifier.empty()) {
    replyDetail(reply, 400, "Missing OAuth token verifier");
    return IHP_OK;
  }

  // Remote calls first, writes (the host's, after our 201) last.
  auto accessToken = fetchAccessToken(host, state->installation, state->requestToken, verifier);
  if (!accessToken) {
    replyDetail(reply, 400, accessToken.error());
    return IHP_OK;
  }

  const std::string externalId = externalIdFor(state->installation.url, state->installation.consumerKey);
  auto setup = prepareWebhookSetup(host, ihp::sdk::view(call.public_url), externalId);
  if (!setup) return setup.error();

  JiraConnection connection = state->installation.connection();
  connection.credentials.accessToken = accessToken->token;
  connection.credentials.accessTokenSecret = accessToken->secret;
  auto webhook = registerWebhook(JiraClient(host, std::move(connection)), setup->plan);
  if (!webhook) {
    replyDetail(reply, 400, webhook.error());
    return IHP_OK;
  }

  reply.json(201, integrationJson({state->installation, accessToken.value(), setup->webhookSecret, webhook.value()}));
  host.info(setup->plan.previous ? "installation: complete (existing integration reused)" : "installation: complete");
  return IHP_OK;
}

}  // namespace ih::jira
