#include "sync/assignee_inbound.h"

#include <string>

namespace ih::jira {

ihp_status syncAssigneeInbound(const ihp::sdk::Host& host, int64_t integrationId, const IssueEvent& event) {
  if (!event.assignee) return IHP_OK;
  const AssigneeChange& change = *event.assignee;
  if (change.kind == AssigneeChange::Kind::HiddenEmail) {
    // Jira hides emails by setting; matching by anything else would guess.
    host.info("missing-assignee-email: issue=" + event.issueKey + " integration=" + std::to_string(integrationId));
    return IHP_OK;
  }

  ihp_assignee_sync sync{};
  sync.struct_size = sizeof sync;
  sync.integration_id = integrationId;
  sync.external_key = ihp::sdk::str(event.issueKey);
  sync.assign = change.kind == AssigneeChange::Kind::Assign ? 1 : 0;
  sync.email = change.kind == AssigneeChange::Kind::Assign ? ihp::sdk::str(change.email) : ihp::sdk::absent();
  sync.event_time_ms = event.eventTimeMs;

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
