#include "webhooks/webhook_notifier.h"

#include <algorithm>

#include "webhooks/hub_signature.h"
#include "webhooks/payload_builder.h"
#include "webhooks/url_variables.h"

namespace ih::mock {

std::string webhookRef(const Webhook& webhook) {
  return (webhook.generation == WebhookGeneration::kLegacy ? "legacy/" : "dc/") + std::to_string(webhook.id);
}

void WebhookNotifier::publish(const IssueEvent& event) {
  struct Target {
    Webhook webhook;
    int majorVersion;
  };
  auto targets = state_.read([&](const JiraModel& m) {
    std::vector<Target> out;
    for (const auto& w : m.webhooks) {
      bool subscribed = std::find(w.events.begin(), w.events.end(), event.webhookEvent) != w.events.end();
      if (w.active && subscribed) out.push_back(Target{w, m.settings.majorVersion()});
    }
    return out;
  });
  if (targets.empty()) return;
  const auto payload = buildPayload(event);
  for (const auto& target : targets) {
    Delivery delivery;
    delivery.webhookId = webhookRef(target.webhook);
    delivery.event = event.webhookEvent;
    delivery.url = substituteUrlVariables(target.webhook.url, event.urlVariables, target.majorVersion);
    delivery.body = target.webhook.excludeBody ? "" : payload;
    delivery.headers.emplace_back("content-type", "application/json; charset=UTF-8");
    if (observer_) observer_(delivery);
    if (!target.webhook.secret.empty()) {
      delivery.headers.emplace_back("x-hub-signature", hubSignature(target.webhook.secret, delivery.body));
    }
    queue_.enqueue(std::move(delivery));
  }
}

}  // namespace ih::mock
