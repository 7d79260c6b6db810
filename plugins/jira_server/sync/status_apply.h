// sync/status_apply.h - a ticket's status snapshot applied to one
// organization's linked issues: a `done` category resolves them, any other
// unresolves them (status_decision.h, following the org's
// resolution_strategy on the host's side), and the sync log says which, or
// that nothing changed.
#pragma once

#include <string>

#include "ihp/sdk/host.hpp"
#include "sync/status_job_payload.h"

namespace ih::jira {

// `category` is the status's category key (the change's own, or the one
// looked up in Jira's status list). With `unlessQueued` (ABI 1.4, outside a
// job) the host changes nothing while a job of the ticket is queued and
// answers IHP_E_CONFLICT: the caller then queues the change behind it.
// IHP_E_NOT_FOUND: no issue of the org is linked any more. Otherwise what
// the host answered (IHP_OK when applied or already so).
ihp_status applyStatusChange(const ihp::sdk::Host& host, const StatusJobPayload& change, const std::string& category,
                             bool unlessQueued);

}  // namespace ih::jira
