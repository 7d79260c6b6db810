#include "sync/ticket_snapshot.h"

#include "sync/assignee_inbound.h"
#include "sync/issue_rekey.h"
#include "sync/status_inbound.h"

namespace ih::jira {

ihp_status applyTicketSnapshot(const ihp::sdk::Host& host, int64_t integrationId, const IssueEvent& event) {
  if (event.keyChange) {
    if (ihp_status status = applyKeyChange(host, integrationId, *event.keyChange); status != IHP_OK) return status;
  }
  if (ihp_status status = syncAssigneeInbound(host, integrationId, event); status != IHP_OK) return status;
  return enqueueStatusSyncs(host, integrationId, event);
}

}  // namespace ih::jira
