// sync/status_inbound.h - the webhook half of inbound status sync: for every
// organization that links the integration, has the plugin enabled and has
// sync_status_reverse on, advance the (org, issue) status watermark and, when
// the event is new, apply it: at once in the delivery's transaction when the
// webhook carried the status's category and no job of the ticket is queued
// (sync/status_apply.h), else through a durable "status_inbound" job queued
// behind the ticket's other jobs (which asks Jira for the category when
// needed). The delivery never waits on Jira, and the jobs commit with the
// delivery's unit of work. The host answers the
// watermark with IHP_E_CONFLICT both for an event at or before the mark and
// while the org still has the host's own status change for the ticket to
// write (its newer intent); either way that org gets no job. The mark and
// the enqueue are one write transaction, so a ticket's jobs (one ordering key,
// run in order) are queued in event-time order and the last to run carries
// the newest status.
#pragma once

#include <cstdint>

#include "ihp/sdk/host.hpp"
#include "webhook/issue_event.h"

namespace ih::jira {

// IHP_OK when every eligible org was handled (enqueued or skipped as stale /
// not linked); the host's failure otherwise (the delivery then rolls back).
ihp_status enqueueStatusSyncs(const ihp::sdk::Host& host, int64_t integrationId, const IssueEvent& event);

}  // namespace ih::jira
