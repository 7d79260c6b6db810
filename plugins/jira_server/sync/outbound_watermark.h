// sync/outbound_watermark.h - after the plugin has written a change to a Jira
// ticket (an assignment, a transition), makes Jira's webhooks about OLDER
// states of the ticket stale for the organization: reads the ticket's
// fields.updated (one GET) and advances the (org, ticket) watermark of that
// kind to it through the host (watermark_advance).
//
// Why: Jira echoes every write with a webhook, and an echo can arrive after
// the host has moved on (assign A, assign B, then A's echo). With the mark at
// the time of the newest write, the late echo is older than the mark and is
// skipped (assignee), or at/before it and skipped (status); the echo of this
// very write carries the mark's time and re-applies what the host already has.
// The write itself succeeded, so a failed read or a refused advance is only
// logged: the job still ends well.
#pragma once

#include <cstdint>

#include "client/jira_client.h"
#include "sync/outbound_event.h"

namespace ih::jira {

// `kind` is IHP_WATERMARK_ASSIGNEE or IHP_WATERMARK_STATUS.
void advanceWatermarkAfterWrite(const JiraClient& client, const OutboundEvent& event, int32_t kind);

}  // namespace ih::jira
