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

// What may hold a change back, by where it is applied.
enum class StatusApplyGuard {
  // Where it arrives (a webhook, a reconcile's snapshot), in the transaction
  // that moved the mark: the host changes nothing while a job of the ticket
  // is queued and answers IHP_E_CONFLICT, and the caller queues the change
  // behind it (ABI 1.4).
  UnlessQueued,
  // In the ticket's own status job, which may run long after its event (a
  // dead job retried by hand): the host changes nothing once a newer status
  // of the ticket was seen (ABI 1.6, with the change's event time; without
  // either, nothing holds it back, as before).
  UnlessSuperseded,
};

// `category` is the status's category key (the change's own, or the one
// looked up in Jira's status list). IHP_E_NOT_FOUND: no issue of the org is
// linked any more. Otherwise what the host answered (IHP_OK when applied,
// already so, or held back by `guard` without a conflict).
ihp_status applyStatusChange(const ihp::sdk::Host& host, const StatusJobPayload& change, const std::string& category,
                             StatusApplyGuard guard);

}  // namespace ih::jira
