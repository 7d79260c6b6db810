#include "setup/webhook_registrar.h"

#include "ihp/sdk/json.hpp"

namespace ih::jira {

namespace json = ihp::sdk::json;

namespace {

constexpr const char* kWebhookName = "Issue Sync";

// Sentry leaves "…Jira. " with a trailing space when there are no details; we
// end the sentence instead (documented choice).
std::string failureMessage(const ApiError& error) {
  std::string details = webhookErrorDetails(error);
  return details.empty() ? "Could not create issue webhook in Jira." : "Could not create issue webhook in Jira. " + details;
}

std::optional<std::string> firstMessage(const json::Value& body) {
  const json::Value* messages = json::member(body, "messages");
  if (messages != nullptr && messages->IsArray() && !messages->Empty() && (*messages)[0].IsObject()) {
    const json::Value& first = (*messages)[0];
    if (first.MemberBegin() != first.MemberEnd() && first.MemberBegin()->value.IsString()) {
      return std::string(first.MemberBegin()->value.GetString(), first.MemberBegin()->value.GetStringLength());
    }
  }
  const json::Value* errorMessages = json::member(body, "errorMessages");
  if (errorMessages != nullptr && errorMessages->IsArray() && !errorMessages->Empty() &&
      (*errorMessages)[0].IsString()) {
    return std::string((*errorMessages)[0].GetString(), (*errorMessages)[0].GetStringLength());
  }
  return std::nullopt;
}

// A still-registered webhook of the previous install that points at our URL.
// Only looked up in the generation it was created in: ids of the two
// generations are different sequences, so "5" in the other one is not ours.
ApiResult<std::optional<std::string>> reusableWebhook(const WebhookApi& api, const WebhookPlan& plan) {
  if (!plan.previous || plan.previous->webhookId.empty() || plan.previous->webhookApi != api.generation()) {
    return std::optional<std::string>();
  }
  auto found = api.find(plan.previous->webhookId);
  if (!found) return fail(found.error());
  if (!found.value() || found.value()->url != plan.url) return std::optional<std::string>();
  return std::optional<std::string>(found.value()->id);
}

// The previous install's webhook, when one was stored and a new one replaces
// it (the host's public URL changed, or Jira moved to the other webhook API):
// left in place it would deliver every event a second time, to the old URL,
// and uninstalling would delete only the new one. Best effort: the install
// stands either way, and a failure is logged for an administrator.
void removeReplacedWebhook(const JiraClient& client, const WebhookPlan& plan, const WebhookRegistration& created) {
  if (!plan.previous || plan.previous->webhookId.empty() || !plan.previous->webhookApi) return;
  const std::string& id = plan.previous->webhookId;
  if (created.id == id && created.generation == *plan.previous->webhookApi) return;  // the same webhook
  auto removed = WebhookApi(client, *plan.previous->webhookApi).remove(id);
  if (removed) {
    client.host().info("webhook-replaced: the previous install's webhook " + id + " was deleted");
  } else {
    client.host().warn("webhook-replaced: the previous install's webhook " + id + " could not be deleted (status " +
                       std::to_string(removed.error().status()) + "); an administrator must delete it in Jira");
  }
}

}  // namespace

std::string webhookErrorDetails(const ApiError& error) {
  if (error.kind() == ApiError::Kind::Http) {
    json::Document body;
    if (!json::parse(error.body(), body)) return {};
    return firstMessage(body).value_or(std::string());
  }
  return error.text();
}

Expected<WebhookRegistration, std::string> registerWebhook(const JiraClient& client, const WebhookPlan& plan) {
  const ihp::sdk::Host& host = client.host();
  auto info = client.serverInfo();
  if (!info) {
    host.warn("webhook-failed: serverInfo status " + std::to_string(info.error().status()));
    return fail(failureMessage(info.error()));
  }
  WebhookRegistration registration;
  registration.generation = generationForMajorVersion(info->majorVersion);
  WebhookApi api(client, registration.generation);

  auto existing = reusableWebhook(api, plan);
  if (!existing) {
    host.warn("webhook-failed: lookup status " + std::to_string(existing.error().status()));
    return fail(failureMessage(existing.error()));
  }
  if (existing.value()) {
    host.info("webhook-reused: the previous install's webhook still exists");
    registration.id = existing.value();
    registration.dcWebhookSecret = plan.previous->dcWebhookSecret;
    return registration;
  }

  WebhookSpec spec;
  spec.name = kWebhookName;
  spec.url = plan.url;
  spec.events = {"jira:issue_created", "jira:issue_updated"};
  if (registration.generation == WebhookGeneration::JiraWebhook) spec.secret = plan.dcWebhookSecret;
  auto created = api.create(spec);
  if (!created) {
    host.warn("webhook-failed: create status " + std::to_string(created.error().status()));
    return fail(failureMessage(created.error()));
  }
  registration.id = created.value();
  registration.dcWebhookSecret = spec.secret;
  removeReplacedWebhook(client, plan, registration);
  host.info(std::string("webhook-created: api=") + std::string(generationName(registration.generation)) +
            (registration.id ? "" : " (Jira returned no id)"));
  return registration;
}

}  // namespace ih::jira
