#include "sync/event_dispatch.h"

#include <string>

#include "client/jira_client.h"
#include "sync/outbound_assignee.h"
#include "sync/outbound_comments.h"
#include "sync/outbound_event.h"
#include "sync/outbound_outcome.h"
#include "sync/outbound_status.h"
#include "sync/sync_note.h"

namespace ih::jira {

ihp_status handleOutboundEvent(const ihp::sdk::Host& host, const ihp_event& raw, ihp::sdk::Reply& reply,
                               ResponseCache& cache) {
  OutboundEvent event;
  if (!parseOutboundEvent(raw.type, ihp::sdk::view(raw.event_json), event)) {
    return giveUp(host, reply, "malformed outbound event");
  }
  if (!event.enabledByConfig()) {
    host.debug("outbound-skipped: sync is off for event type " + std::to_string(event.type));
    noteOutbound(host, event, IHP_SYNC_SKIPPED,
                 "sending " + std::string(outboundKind(event.type)) + " changes to Jira is off in the settings");
    return IHP_OK;
  }
  switch (event.type) {
    case IHP_EVENT_ISSUE_ASSIGNED:
    case IHP_EVENT_ISSUE_STATUS_CHANGED:
    case IHP_EVENT_COMMENT_CREATED:
    case IHP_EVENT_COMMENT_UPDATED: break;
    default:
      // A newer host may send events this plugin does not sync.
      host.debug("outbound-skipped: unknown event type " + std::to_string(event.type));
      return IHP_OK;
  }

  ihp_status status = IHP_OK;
  auto connection = connectionForJob(host, event.integrationId, event.organizationId, reply, status);
  if (!connection) return status;
  JiraClient client(host, std::move(*connection), &cache);
  if (raw.attempt > 1) host.debug("outbound-attempt: " + std::to_string(raw.attempt) + " issue=" + event.issueKey);

  switch (event.type) {
    case IHP_EVENT_ISSUE_ASSIGNED: return syncAssigneeOutbound(client, event, reply);
    case IHP_EVENT_ISSUE_STATUS_CHANGED: return syncStatusOutbound(client, event, reply);
    default: return syncCommentOutbound(client, event, raw.attempt, reply);
  }
}

}  // namespace ih::jira
