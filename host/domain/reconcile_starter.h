// host/domain/reconcile_starter.h - starts reconciliation: comparing every
// ticket an organization links through an integration with the remote side,
// to recover changes whose webhooks were lost (the remote side never retries
// a delivery). The host knows the links, the plugin knows the remote API, so
// the host enqueues the plugin's durable "reconcile" job with the live (not
// gone) linked tickets [{key, externalIssueId}], and the plugin works through
// them in batches, each batch queuing the rest (see the Jira plugin's
// sync/reconcile_job.h). One organization's reconcile jobs share an ordering
// key, so they never overlap; the periodic run skips a link whose previous
// reconcile is still pending or running.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "domain/integration_service.h"
#include "jobs/job_queue.h"
#include "storage/unit_of_work.h"

namespace ih::host::domain {

class ReconcileStarter {
 public:
  // The plugin's job kind, and its payload's ordering key (shared with the plugin).
  static constexpr const char* kJobKind = "reconcile";
  static std::string orderingKey(int64_t integrationId, int64_t organizationId);

  ReconcileStarter(IntegrationService& integrations, jobs::JobQueue& jobs) : integrations_(integrations), jobs_(jobs) {}

  // Enqueues the reconcile of (org, integration) and returns the job id.
  // ValidationError when the integration is not active for the org or its
  // plugin is disabled there (nothing would run).
  int64_t start(storage::UnitOfWork& uow, int64_t organizationId, int64_t integrationId);
  // The periodic run, every `interval`: starts every active link whose plugin
  // is enabled, that links a live ticket, whose previous reconcile has
  // finished, and that no host (several may share the database, each with
  // its own schedule) started in the last nine tenths of an interval.
  // Returns how many it started.
  size_t startAllDue(storage::UnitOfWork& uow, int64_t now, std::chrono::milliseconds interval);

 private:
  // A periodic run's turn: its time, and since when a start counts as this
  // interval's.
  struct PeriodicTurn {
    int64_t now = 0;
    int64_t startedAfter = 0;
  };
  // none when the link cannot be reconciled now (the reason in `why`), or, in
  // a periodic `turn`, links no live ticket or was started in this interval.
  std::optional<int64_t> enqueue(storage::UnitOfWork& uow, int64_t organizationId, int64_t integrationId,
                                 const PeriodicTurn* turn, std::string& why);

  IntegrationService& integrations_;
  jobs::JobQueue& jobs_;
};

}  // namespace ih::host::domain
