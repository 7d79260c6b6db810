#include "sync/status_apply.h"

#include "ihp/sdk/json.hpp"
#include "sync/status_decision.h"
#include "sync/sync_note.h"

namespace ih::jira {

ihp_status applyStatusChange(const ihp::sdk::Host& host, const StatusJobPayload& change, const std::string& category,
                             bool unlessQueued) {
  ihp_status_sync sync{};
  sync.action = decideFromCategory(category) == StatusDecision::Resolve ? IHP_STATUS_ACTION_RESOLVE
                                                                         : IHP_STATUS_ACTION_UNRESOLVE;
  sync.struct_size = sizeof sync;
  sync.integration_id = change.integrationId;
  sync.organization_id = change.organizationId;
  sync.external_key = ihp::sdk::str(change.issueKey);
  sync.flags = unlessQueued ? IHP_STATUS_SYNC_UNLESS_QUEUED : 0;

  auto result = host.syncStatusInbound(sync);
  if (!result.ok()) return result.status;
  const bool resolve = sync.action == IHP_STATUS_ACTION_RESOLVE;
  ihp::sdk::json::Document answer;
  const bool changed = ihp::sdk::json::parseObject(result.value, answer) &&
                       ihp::sdk::json::int64(answer, "changed").value_or(0) > 0;
  const std::string what = resolve ? "resolved" : "unresolved";
  noteInboundInOrg(host, change.organizationId, change.integrationId, change.issueKey, "status",
                   changed ? IHP_SYNC_APPLIED : IHP_SYNC_SKIPPED,
                   "Jira status " + change.statusId + " (" + category + "): " +
                       (changed ? what : "already " + what + " here, or a change made here is still to be written"));
  return IHP_OK;
}

}  // namespace ih::jira
