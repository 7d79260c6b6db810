// Turns an IssueEvent into one delivery per active webhook subscribed to its event: URL
// variables substituted, body omitted when the webhook excludes it, X-Hub-Signature added
// when it has a secret.
#pragma once

#include <functional>

#include "state/jira_model.h"
#include "webhooks/delivery_queue.h"
#include "webhooks/issue_event.h"

namespace ih::mock {

class WebhookNotifier {
 public:
  // Sees every delivery before signing (the recorder stores unsigned bodies).
  using Observer = std::function<void(const Delivery&)>;

  WebhookNotifier(const JiraState& state, DeliveryQueue& queue) : state_(state), queue_(queue) {}

  // Must be set before the server starts serving.
  void setObserver(Observer observer) { observer_ = std::move(observer); }
  void publish(const IssueEvent& event);

 private:
  const JiraState& state_;
  DeliveryQueue& queue_;
  Observer observer_;
};

std::string webhookRef(const Webhook& webhook);

}  // namespace ih::mock
