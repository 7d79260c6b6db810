// sync/outbound_status.h - host resolve / unresolve -> Jira ticket status,
// through the org's per-project mapping (sync_status_forward, taken from the
// event's config snapshot): read the ticket (uncached), stop when its project
// has no mapping or it already is in the target status, else perform the first
// transition leading there (transitions cached 240 s). No such transition:
// a warning, nothing else. Jira unreachable while listing transitions:
// "Could not reach host to get transitions." and a retry. After a transition
// the status watermark moves to the ticket's new time (outbound_watermark.h),
// so late echoes of earlier transitions are stale.
#pragma once

#include "client/jira_client.h"
#include "ihp/sdk/reply.hpp"
#include "sync/outbound_event.h"

namespace ih::jira {

inline constexpr std::string_view kTransitionsUnreachable = "Could not reach host to get transitions.";

ihp_status syncStatusOutbound(const JiraClient& client, const OutboundEvent& event, ihp::sdk::Reply& reply);

}  // namespace ih::jira
