#include "sync/assignee_inbound.h"

#include <string>

#include "sync/sync_note.h"

namespace ih::jira {

ihp_status syncAssigneeInbound(const ihp::sdk::Host& host, int64_t integrationId, const IssueEvent& event) {
  if (!event.assignee) return IHP_OK;
  const AssigneeChange& change = *event.assignee;
  if (change.kind == AssigneeChange::Kind::HiddenEmail && change.name.empty() && change.key.empty()) {
    // Nothing names the user: matching by anything else would guess.
    host.info("missing-assignee-email: issue=" + event.issueKey + " integration=" + std::to_string(integrationId));
    noteInbound(host, integrationId, event.issueKey, "assignee", IHP_SYNC_SKIPPED,
                "Jira sent an assignee without email, name or key");
    return IHP_OK;
  }

  ihp_assignee_sync sync{};
  sync.struct_size = sizeof sync;
  sync.integration_id = integrationId;
  sync.external_key = ihp::sdk::str(event.issueKey);
  sync.assign = change.kind == AssigneeChange::Kind::Unassign ? 0 : 1;
  sync.email = change.kind == AssigneeChange::Kind::Assign ? ihp::sdk::str(change.email) : ihp::sdk::absent();
  sync.event_time_ms = event.eventTimeMs;
  // With the email hidden or matching nobody, the host's user mapping for
  // this name or key decides (and says so in the sync log).
  sync.remote_user = change.name.empty() ? ihp::sdk::absent() : ihp::sdk::str(change.name);
  sync.remote_user_key = change.key.empty() ? ihp::sdk::absent() : ihp::sdk::str(change.key);

  auto result = host.syncAssigneeInbound(sync);
  if (!result) {
    host.error(std::string("assignee-sync-failed: ") + ihp::sdk::statusName(result.status) +
               " issue=" + event.issueKey);
    return result.status;
  }
  host.debug("assignee-sync: issue=" + event.issueKey + " result=" + result.value);
  return IHP_OK;
}

}  // namespace ih::jira
