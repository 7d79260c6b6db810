// bench/e2e/webhook_deliveries.h - the three kinds of Jira webhook delivery
// the load sends, as request sources for the load runner:
//   badToken     - a well-formed JWT naming the real integration but signed
//                  with the wrong secret: the costliest way to be refused
//                  (decode, integration lookup, HMAC) -> 400;
//   noChangelog  - a valid token and a full issue body without changelog:
//                  authenticated and parsed, nothing to do -> 200;
//   assigneeChanges - a valid token and an assignee changelog that flips the
//                  ticket between alice and bob, so every delivery changes its
//                  linked issue -> 200.
// Watermarks: fields.updated of each ticket must grow, so every connection
// owns its own tickets (ticket % connections) and event times come from one
// clock that never goes backwards and never lags the wall clock (Jira's own
// deliveries for a ticket may carry wall-clock times).
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "e2e/bench_stack.h"
#include "e2e/load_runner.h"

namespace ih::bench {

class WebhookDeliveries {
 public:
  explicit WebhookDeliveries(const BenchStack& stack);

  LoadRequest badToken() const { return {badTokenPath_, staticBody_, 400}; }
  LoadRequest noChangelog() const { return {stack_.webhookPath(), noChangelogBody_, 200}; }
  // A source for `connections` connections (the ticket partition depends on it).
  RequestSource assigneeChanges(int connections);

  // The email each load ticket was last flipped to ("" = never flipped).
  std::string lastAssignee(int ticket) const;

 private:
  LoadRequest assigneeChange(int ticket);
  int64_t nextEventTimeMs();

  const BenchStack& stack_;
  std::string badTokenPath_;
  std::string staticBody_;       // an assignee delivery, for the 400 path
  std::string noChangelogBody_;
  std::vector<int> flips_;  // per ticket; only the owning connection touches an element
  std::atomic<int64_t> lastEventTimeMs_{0};
};

}  // namespace ih::bench
