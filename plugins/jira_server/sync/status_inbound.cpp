#include "sync/status_inbound.h"

#include <string>

#include "common/expected.h"
#include "common/keys.h"
#include "sync/status_apply.h"
#include "sync/status_job_payload.h"
#include "sync/sync_note.h"
#include "sync/syncing_orgs.h"

namespace ih::jira {

namespace {

// Skips (returns false) a stale or duplicate event, an org whose own status
// change is still to be written to Jira, or an org without the ticket; an
// event without a known time has no ordering guard (like Sentry).
Expected<bool, ihp_status> isNewForOrg(const ihp::sdk::Host& host, int64_t organizationId, int64_t integrationId,
                                       const IssueEvent& event) {
  if (event.eventTimeMs == 0) return true;
  ihp_status status = host.watermarkAdvance(organizationId, integrationId, event.issueKey, IHP_WATERMARK_STATUS,
                                            event.eventTimeMs);
  if (status == IHP_OK) return true;
  if (status == IHP_E_CONFLICT || status == IHP_E_NOT_FOUND) {
    if (status == IHP_E_CONFLICT) {
      noteInboundInOrg(host, organizationId, integrationId, event.issueKey, "status", IHP_SYNC_SKIPPED,
                       "skipped: Jira status " + event.status->id +
                           " is older than the ticket's last status change, or a status change made here is"
                           " still to be written to Jira");
    }
    host.debug(std::string("status-sync-skipped: ") + ihp::sdk::statusName(status) + " org=" +
               std::to_string(organizationId) + " issue=" + event.issueKey);
    return false;
  }
  return fail(status);
}

ihp_status enqueueJob(const ihp::sdk::Host& host, const StatusJobPayload& change) {
  ihp::sdk::Host::JobSpec job;
  job.kind = std::string(keys::kJobStatusInbound);
  job.payloadJson = change.toJson();
  job.orderingKey = externalIssueOrderingKey(change.integrationId, change.issueKey);
  job.organizationId = change.organizationId;
  job.integrationId = change.integrationId;
  return host.enqueue(job);
}

// A change whose category came with the webhook needs nothing from Jira, so
// it is applied in the delivery's own transaction, unless a job of the
// ticket is still queued (the host answers IHP_E_CONFLICT): then it goes
// behind that job, like a change whose category must be looked up. A host
// older than ABI 1.4 would not hold it back, so there every change queues.
// Returns true when applied (or the link is gone), false to queue it.
Expected<bool, ihp_status> appliedAtOnce(const ihp::sdk::Host& host, const StatusJobPayload& change) {
  if (change.categoryKey.empty() || host.abiMinor() < 4) return false;
  const ihp_status status = applyStatusChange(host, change, change.categoryKey, StatusApplyGuard::UnlessQueued);
  if (status == IHP_OK || status == IHP_E_NOT_FOUND) return true;
  if (status == IHP_E_CONFLICT) return false;
  return fail(status);
}

}  // namespace

ihp_status enqueueStatusSyncs(const ihp::sdk::Host& host, int64_t integrationId, const IssueEvent& event) {
  if (!event.status) return IHP_OK;
  auto organizations = orgsSyncing(host, integrationId, keys::kSyncStatusReverse, "status-sync-failed");
  if (!organizations) return organizations.error();
  for (const int64_t organizationId : organizations.value()) {
    auto isNew = isNewForOrg(host, organizationId, integrationId, event);
    if (!isNew) return isNew.error();
    if (!isNew.value()) continue;
    const StatusJobPayload change{
        integrationId, organizationId, event.issueKey, event.status->id, event.status->categoryKey, event.eventTimeMs};
    auto applied = appliedAtOnce(host, change);
    if (!applied) {
      host.error(std::string("status-sync-failed: apply: ") + ihp::sdk::statusName(applied.error()));
      return applied.error();
    }
    if (applied.value()) continue;
    if (ihp_status status = enqueueJob(host, change); status != IHP_OK) {
      host.error(std::string("status-sync-failed: enqueue: ") + ihp::sdk::statusName(status));
      return status;
    }
  }
  return IHP_OK;
}

}  // namespace ih::jira
