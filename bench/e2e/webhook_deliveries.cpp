#include "e2e/webhook_deliveries.h"

#include <algorithm>
#include <chrono>

#include "auth/jwt.h"
#include "e2e/wall_clock.h"
#include "ihp/sdk/json.hpp"
#include "payloads/jira_payload.h"

namespace ih::bench {

namespace {

constexpr const char* kWebhookPrefix = "/extensions/jira-server/issue-updated/";

IssueUpdate updateOf(const BenchStack& stack, int ticket, int64_t eventTimeMs) {
  IssueUpdate update;
  update.issueKey = stack.loadTicketKey(ticket);
  update.issueId = 10000 + ticket;
  update.updatedMs = eventTimeMs;
  return update;
}

}  // namespace

WebhookDeliveries::WebhookDeliveries(const BenchStack& stack)
    : stack_(stack), flips_(static_cast<size_t>(stack.loadTickets()), 0) {
  ihp::sdk::json::JsonBuilder claims;
  claims.beginObject().field("id", stack.externalId()).endObject();
  badTokenPath_ = std::string(kWebhookPrefix) + host::auth::jwtSignHs256(claims.str(), "not-the-webhook-secret") + "/";

  IssueUpdate update = updateOf(stack, 0, wallClockMs());
  update.assignee = seedBob();
  staticBody_ = buildIssueUpdatedPayload(update);
  update.withChangelog = false;
  noChangelogBody_ = buildIssueUpdatedPayload(update);
}

int64_t WebhookDeliveries::nextEventTimeMs() {
  int64_t last = lastEventTimeMs_.load();
  int64_t next = 0;
  do {
    next = std::max(wallClockMs(), last + 1);
  } while (!lastEventTimeMs_.compare_exchange_weak(last, next));
  return next;
}

LoadRequest WebhookDeliveries::assigneeChange(int ticket) {
  const int flip = flips_[static_cast<size_t>(ticket)]++;
  IssueUpdate update = updateOf(stack_, ticket, nextEventTimeMs());
  update.assignee = flip % 2 == 0 ? seedAlice() : seedBob();
  if (flip > 0) update.previousAssignee = flip % 2 == 0 ? seedBob() : seedAlice();
  return {stack_.webhookPath(), buildIssueUpdatedPayload(update), 200};
}

RequestSource WebhookDeliveries::assigneeChanges(int connections) {
  const int tickets = stack_.loadTickets();
  return [this, connections, tickets](int connection, uint64_t sequence) {
    // Connection c owns tickets c, c + connections, c + 2 * connections, ...
    const int owned = (tickets - connection + connections - 1) / connections;
    const int ticket = connection + static_cast<int>(sequence % static_cast<uint64_t>(owned)) * connections;
    return assigneeChange(ticket);
  };
}

std::string WebhookDeliveries::lastAssignee(int ticket) const {
  const int flips = flips_[static_cast<size_t>(ticket)];
  if (flips == 0) return {};
  return (flips - 1) % 2 == 0 ? seedAlice().email : seedBob().email;
}

}  // namespace ih::bench
