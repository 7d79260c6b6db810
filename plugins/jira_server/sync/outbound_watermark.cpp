#include "sync/outbound_watermark.h"

#include <string>

#include "client/issue_api.h"

namespace ih::jira {

void advanceWatermarkAfterWrite(const JiraClient& client, const OutboundEvent& event, int32_t kind) {
  const ihp::sdk::Host& host = client.host();
  auto updated = IssueApi(client).updatedAt(event.issueKey);
  if (!updated) {
    host.warn("watermark-after-write: issue=" + event.issueKey + " not advanced, reading updated failed (" +
              updated.error().text() + ")");
    return;
  }
  const ihp_status status =
      host.watermarkAdvance(event.organizationId, event.integrationId, event.issueKey, kind, updated.value());
  // CONFLICT: the mark is newer already, or the host has a newer change of
  // its own to write (that write will move the mark); both are fine.
  if (status == IHP_OK || status == IHP_E_CONFLICT) {
    host.debug("watermark-after-write: issue=" + event.issueKey + " " + ihp::sdk::statusName(status));
    return;
  }
  host.warn("watermark-after-write: issue=" + event.issueKey + " not advanced (" + ihp::sdk::statusName(status) + ")");
}

}  // namespace ih::jira
