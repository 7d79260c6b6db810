#include "sync/status_apply.h"

#include "ihp/sdk/json.hpp"
#include "sync/status_decision.h"
#include "sync/sync_note.h"

namespace ih::jira {

namespace {

uint64_t guardFlags(const ihp::sdk::Host& host, const StatusJobPayload& change, StatusApplyGuard guard) {
  if (guard == StatusApplyGuard::UnlessQueued) return IHP_STATUS_SYNC_UNLESS_QUEUED;
  const bool hostKnowsTheGuard = host.abiMinor() >= 6;
  return hostKnowsTheGuard && change.eventTimeMs > 0 ? IHP_STATUS_SYNC_UNLESS_SUPERSEDED : 0;
}

}  // namespace

ihp_status applyStatusChange(const ihp::sdk::Host& host, const StatusJobPayload& change, const std::string& category,
                             StatusApplyGuard guard) {
  ihp_status_sync sync{};
  sync.action = decideFromCategory(category) == StatusDecision::Resolve ? IHP_STATUS_ACTION_RESOLVE
                                                                         : IHP_STATUS_ACTION_UNRESOLVE;
  sync.struct_size = sizeof sync;
  sync.integration_id = change.integrationId;
  sync.organization_id = change.organizationId;
  sync.external_key = ihp::sdk::str(change.issueKey);
  sync.flags = guardFlags(host, change, guard);
  sync.event_time_ms = change.eventTimeMs;

  auto result = host.syncStatusInbound(sync);
  if (!result.ok()) return result.status;
  const bool resolve = sync.action == IHP_STATUS_ACTION_RESOLVE;
  ihp::sdk::json::Document answer;
  const bool parsed = ihp::sdk::json::parseObject(result.value, answer);
  const bool changed = parsed && ihp::sdk::json::int64(answer, "changed").value_or(0) > 0;
  // "stale" since ABI 1.6; an older host leaves the two reasons together.
  const bool heldBack = parsed && ihp::sdk::json::int64(answer, "stale").value_or(0) > 0;
  const std::string what = resolve ? "resolved" : "unresolved";
  std::string outcome;
  if (changed) {
    outcome = what;
  } else if (heldBack) {
    outcome =
        "not applied: a newer status of the ticket was seen since, or a change made here is still to be "
        "written to Jira";
  } else if (host.abiMinor() >= 6) {
    outcome = "already " + what + " here";
  } else {
    outcome = "already " + what + " here, or a change made here is still to be written";
  }
  noteInboundInOrg(host, change.organizationId, change.integrationId, change.issueKey, "status",
                   changed ? IHP_SYNC_APPLIED : IHP_SYNC_SKIPPED,
                   "Jira status " + change.statusId + " (" + category + "): " + outcome);
  return IHP_OK;
}

}  // namespace ih::jira
