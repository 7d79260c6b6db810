// sync/assignee_inbound.h - the ticket's assignee at the event time -> the
// host's shared inbound assignee sync (which finds every affected issue across
// orgs, gates on plugin enablement and sync_reverse_assignment, matches the
// user by verified email or, when Jira hides the email or it matches nobody,
// by the organization's user mapping for the Jira name or key, skips events
// older than the per-(org, issue) watermark, and writes each issue's sync log
// line). An assignee that names nobody at all only advances the mark.
#pragma once

#include <cstdint>

#include "ihp/sdk/host.hpp"
#include "webhook/issue_event.h"

namespace ih::jira {

// IHP_OK when applied or nothing to do; the host's failure otherwise.
ihp_status syncAssigneeInbound(const ihp::sdk::Host& host, int64_t integrationId, const IssueEvent& event);

}  // namespace ih::jira
