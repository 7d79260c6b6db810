// sync/reconcile_payload.h - the durable "reconcile" job's payload: one
// organization, one integration, the linked tickets still to compare with
// Jira ({key, externalIssueId}). The host writes the first one (every live
// linked ticket, POST .../reconcile/ or the periodic run); each run handles
// one batch and enqueues the rest as the next job, so a restart resumes at
// the batch it was on instead of starting over.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ih::jira {

struct ReconcileTicket {
  std::string key;
  int64_t externalIssueId = 0;
};

struct ReconcilePayload {
  int64_t organizationId = 0;
  int64_t integrationId = 0;
  std::vector<ReconcileTicket> tickets;

  std::string toJson() const;
  static std::optional<ReconcilePayload> fromJson(std::string_view json);
};

// One org's reconcile jobs run one at a time, in order.
std::string reconcileOrderingKey(int64_t integrationId, int64_t organizationId);

}  // namespace ih::jira
