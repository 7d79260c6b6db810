// sync/outbound_assignee.h - host assignee -> Jira ticket assignee
// (sync_forward_assignment). The Jira user is found through the assignable
// users of the ticket, one search per VERIFIED email of the host user: a
// single hit is taken, among several the one whose emailAddress matches
// case-insensitively (users without an email are skipped). Unassigning sends
// {"name": null}. No match means no PUT and a permanent failure. After the
// PUT the assignee watermark moves to the ticket's new time
// (outbound_watermark.h), so late echoes of earlier assignments are stale.
#pragma once

#include "client/jira_client.h"
#include "ihp/sdk/reply.hpp"
#include "sync/outbound_event.h"

namespace ih::jira {

inline constexpr std::string_view kAssignFailed = "Failed to assign user to Jira Server issue";
inline constexpr std::string_view kAssignUnauthorized = "Insufficient permissions to assign user to Jira Server issue";

ihp_status syncAssigneeOutbound(const JiraClient& client, const OutboundEvent& event, ihp::sdk::Reply& reply);

}  // namespace ih::jira
