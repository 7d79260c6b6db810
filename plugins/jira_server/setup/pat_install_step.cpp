#include "setup/pat_install_step.h"

#include "client/url_parts.h"
#include "client/user_api.h"
#include "common/replies.h"
#include "setup/integration_builder.h"
#include "setup/pat_form.h"
#include "setup/webhook_setup.h"
#include "ihp/sdk/utf8.hpp"

namespace ih::jira {

namespace json = ihp::sdk::json;

namespace {

std::string failureDetail(const ApiError& error) {
  if (error.isUnauthorized()) return "Could not authenticate to Jira with the personal access token.";
  const std::string reason = error.kind() == ApiError::Kind::Http
                                 ? "Jira answered HTTP " + std::to_string(error.status()) + "."
                                 : error.text();
  return "Could not connect to Jira. " + reason;
}

}  // namespace

ihp_status runPatInstallStep(const ihp::sdk::Host& host, const ihp_pipeline_call& call, ihp::sdk::Reply& reply) {
  json::Document input;
  if (!json::parseObject(ihp::sdk::view(call.input_json), input)) input.SetObject();
  auto form = validatePatForm(input);
  if (!form) {
    reply.json(400, fieldErrorsJson(form.error()));
    return IHP_OK;
  }

  const JiraClient client(host, form->connection());
  auto myself = UserApi(client).myself();
  if (!myself) {
    host.warn("pat-install: the token check failed (status " + std::to_string(myself.error().status()) + ")");
    replyDetail(reply, 400, failureDetail(myself.error()));
    return IHP_OK;
  }

  const std::string netloc = url::netloc(form->url);
  const std::string externalId = externalIdFor(form->url, "pat:" + myself->name);
  auto setup = prepareWebhookSetup(host, ihp::sdk::view(call.public_url), externalId);
  if (!setup) return setup.error();
  auto webhook = registerWebhook(client, setup->plan);
  if (!webhook) {
    replyDetail(reply, 400, webhook.error());
    return IHP_OK;
  }

  // The host's limit, in characters: a long Jira user name or host must not
  // fail the install after the webhook exists in Jira.
  const std::string name = ihp::sdk::utf8::prefix(myself->name + "@" + netloc, kMaxIntegrationNameLength);
  const JiraCredentials& credentials = client.connection().credentials;
  reply.json(201, completedIntegrationJson({externalId, name, form->url, form->verifySsl, setup->webhookSecret,
                                            webhook.value(), credentials}));
  host.info(setup->plan.previous ? "pat-install: complete (existing integration reused)" : "pat-install: complete");
  return IHP_OK;
}

}  // namespace ih::jira
