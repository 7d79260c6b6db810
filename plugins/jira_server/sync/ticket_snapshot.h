// sync/ticket_snapshot.h - applies one snapshot of a Jira ticket (its key
// move, assignee and status at a time) to the host, the same way whether it
// came in a webhook delivery or from reconcile's search: re-key first (so the
// rest matches the new key), then the assignee, then the status fan-out, each
// ordered by its watermark. One path, so a reconciled ticket follows exactly
// the rules, settings and fan-out of a delivered one.
#pragma once

#include <cstdint>

#include "ihp/sdk/host.hpp"
#include "webhook/issue_event.h"

namespace ih::jira {

// IHP_OK when applied or skipped as stale; the host's failure otherwise (the
// caller's unit of work then rolls back).
ihp_status applyTicketSnapshot(const ihp::sdk::Host& host, int64_t integrationId, const IssueEvent& event);

}  // namespace ih::jira
