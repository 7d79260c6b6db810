#include "sync/sync_note.h"

#include <string>

namespace ih::jira {

namespace {

void writeNote(const ihp::sdk::Host& host, const ihp::sdk::Host::SyncLogLine& line) {
  const ihp_status status = host.syncLog(line);
  if (status != IHP_OK && status != IHP_E_UNSUPPORTED) {
    host.debug("sync-log-line-dropped: issue=" + std::string(line.externalKey) + " (" +
               ihp::sdk::statusName(status) + ")");
  }
}

}  // namespace

std::string_view outboundKind(int32_t eventType) {
  switch (eventType) {
    case IHP_EVENT_ISSUE_ASSIGNED: return "assignee";
    case IHP_EVENT_ISSUE_STATUS_CHANGED: return "status";
    default: return "comment";
  }
}

void noteOutbound(const ihp::sdk::Host& host, const OutboundEvent& event, int32_t outcome, std::string_view reason) {
  writeNote(host, {event.organizationId, event.integrationId, event.issueKey, IHP_SYNC_OUTBOUND, outcome,
                   outboundKind(event.type), reason});
}

void noteInbound(const ihp::sdk::Host& host, int64_t integrationId, std::string_view issueKey, std::string_view kind,
                 int32_t outcome, std::string_view reason) {
  noteInboundInOrg(host, 0, integrationId, issueKey, kind, outcome, reason);
}

void noteInboundInOrg(const ihp::sdk::Host& host, int64_t organizationId, int64_t integrationId,
                      std::string_view issueKey, std::string_view kind, int32_t outcome, std::string_view reason) {
  // Organization 0: every organization that links the ticket.
  writeNote(host, {organizationId, integrationId, issueKey, IHP_SYNC_INBOUND, outcome, kind, reason});
}

}  // namespace ih::jira
