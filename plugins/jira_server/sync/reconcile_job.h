// sync/reconcile_job.h - run_job for "reconcile": recovers what lost webhooks
// missed for one organization's linked tickets. One batch (50 tickets) per
// run: a JQL search `key in (...)` (fields assignee, status, updated; paged)
// reads their current state, and each ticket is applied as a snapshot at its
// `updated` time through the webhook's own path (sync/ticket_snapshot.h), so
// only what is newer than the host's watermarks changes anything. A ticket
// the search does not return is read by key: Jira answers a moved ticket on
// its old key (the link is re-keyed) and a deleted one with 404 (the link is
// marked gone and never asked about again). The rest of the tickets become
// the next job, committed with this batch's changes. Calls go through the
// integration's rate limits; a paced, limited or unavailable Jira makes the
// job come back later (after Retry-After when known).
#pragma once

#include "client/response_cache.h"
#include "ihp/sdk/host.hpp"
#include "ihp/sdk/reply.hpp"

namespace ih::jira {

ihp_status runReconcileJob(const ihp::sdk::Host& host, const ihp_job& job, ihp::sdk::Reply& reply,
                           ResponseCache& cache);

}  // namespace ih::jira
