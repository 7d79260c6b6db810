#include "sync/outbound_watermark.h"

#include <optional>
#include <string>

#include "client/issue_api.h"

namespace ih::jira {

namespace {

// `writtenStatusId` empty: no status to compare (an assignment).
void advanceMarkAfterWrite(const JiraClient& client, const OutboundEvent& event, int32_t kind,
                           std::string_view writtenStatusId) {
  const ihp::sdk::Host& host = client.host();
  auto ticket = IssueApi(client).lastChange(event.issueKey);
  if (!ticket) {
    host.warn("watermark-after-write: issue=" + event.issueKey + " not advanced, reading updated failed (" +
              ticket.error().text() + ")");
    return;
  }
  if (!writtenStatusId.empty() && ticket->statusId != writtenStatusId) {
    host.info("watermark-after-write: issue=" + event.issueKey + " not advanced, moved on to status " +
              ticket->statusId + " in Jira since the transition to " + std::string(writtenStatusId));
    return;
  }
  const ihp_status status =
      host.watermarkAdvance(event.organizationId, event.integrationId, event.issueKey, kind, ticket->updatedMs);
  // CONFLICT: the mark is newer already, or the host has a newer change of
  // its own to write (that write will move the mark); both are fine.
  if (status == IHP_OK || status == IHP_E_CONFLICT) {
    host.debug("watermark-after-write: issue=" + event.issueKey + " " + ihp::sdk::statusName(status));
    return;
  }
  host.warn("watermark-after-write: issue=" + event.issueKey + " not advanced (" + ihp::sdk::statusName(status) + ")");
}

}  // namespace

void advanceAssigneeMarkAfterWrite(const JiraClient& client, const OutboundEvent& event) {
  advanceMarkAfterWrite(client, event, IHP_WATERMARK_ASSIGNEE, {});
}

void advanceStatusMarkAfterWrite(const JiraClient& client, const OutboundEvent& event,
                                 std::string_view writtenStatusId) {
  advanceMarkAfterWrite(client, event, IHP_WATERMARK_STATUS, writtenStatusId);
}

}  // namespace ih::jira
