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
//
// The read comes a round trip after the write, and a Jira user may change the
// ticket in between: `updated` is then that user's time. A status mark there
// would skip the user's own webhook (a status at the mark is stale), so when
// the ticket is no longer in the status the write moved it to, the mark stays
// where it was and the user's change, newer than it, still applies. An
// assignee mark there is harmless: an assignee at the mark's time applies.
#pragma once

#include <cstdint>
#include <string_view>

#include "client/jira_client.h"
#include "sync/outbound_event.h"

namespace ih::jira {

void advanceAssigneeMarkAfterWrite(const JiraClient& client, const OutboundEvent& event);
// `writtenStatusId`: the status the transition moved the ticket to.
void advanceStatusMarkAfterWrite(const JiraClient& client, const OutboundEvent& event,
                                 std::string_view writtenStatusId);

}  // namespace ih::jira
