#include "sync/assignee_inbound.h"

#include <string>

#include "common/keys.h"
#include "sync/syncing_orgs.h"
#include "sync/sync_note.h"

namespace ih::jira {

namespace {

// Jira hides emails by setting; matching by anything else would guess, so
// the issue keeps its assignee. The event is still the ticket's newest
// assignee state: its time becomes the mark so an older, visible assignee
// delivered late cannot win over it.
ihp_status markHiddenAssignee(const ihp::sdk::Host& host, int64_t integrationId, const IssueEvent& event) {
  host.info("missing-assignee-email: issue=" + event.issueKey + " integration=" + std::to_string(integrationId));
  if (event.eventTimeMs == 0) return IHP_OK;
  auto organizations = orgsSyncing(host, integrationId, keys::kSyncReverseAssignment, "assignee-sync-failed");
  if (!organizations) return organizations.error();
  for (const int64_t organizationId : organizations.value()) {
    ihp_status status = host.watermarkAdvance(organizationId, integrationId, event.issueKey, IHP_WATERMARK_ASSIGNEE,
                                              event.eventTimeMs);
    if (status != IHP_OK && status != IHP_E_CONFLICT && status != IHP_E_NOT_FOUND) return status;
  }
  return IHP_OK;
}

}  // namespace

ihp_status syncAssigneeInbound(const ihp::sdk::Host& host, int64_t integrationId, const IssueEvent& event) {
  if (!event.assignee) return IHP_OK;
  const AssigneeAtEvent& change = *event.assignee;
  if (change.kind == AssigneeAtEvent::Kind::HiddenEmail) {
    // Without the email only a user mapping can name the assignee, and
    // mappings came with ABI 1.3: an older host refuses the assignment (the
    // whole delivery would fail), so the issue keeps its assignee.
    const bool mappingsHere = host.abiMinor() >= 3;
    if (!mappingsHere || (change.name.empty() && change.key.empty())) {
      noteInbound(host, integrationId, event.issueKey, "assignee", IHP_SYNC_SKIPPED,
                  mappingsHere ? "Jira sent an assignee without email, name or key"
                               : "Jira sent an assignee without email, and this host has no user mappings");
      return markHiddenAssignee(host, integrationId, event);
    }
  }

  ihp_assignee_sync sync{};
  sync.struct_size = sizeof sync;
  sync.integration_id = integrationId;
  sync.external_key = ihp::sdk::str(event.issueKey);
  sync.assign = change.kind == AssigneeAtEvent::Kind::Unassign ? 0 : 1;
  sync.email = change.kind == AssigneeAtEvent::Kind::Assign ? ihp::sdk::str(change.email) : ihp::sdk::absent();
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
  // The host writes each issue's line (applied, stale, no matching user).
  host.debug("assignee-sync: issue=" + event.issueKey + " result=" + result.value);
  return IHP_OK;
}

}  // namespace ih::jira
