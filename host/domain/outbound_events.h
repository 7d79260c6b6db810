// host/domain/outbound_events.h - turns issue changes into durable plugin
// events, one per linked external issue, in the same unit of work.
//
// For each external issue linked to the changed issue it enqueues a job for
// the integration's plugin (kind "ihp.event", ordering key
// "external-issue:<integrationId>:<key>") when all of these hold:
//   - the external issue is not gone, and its integration is not the
//     change's source (loop guard);
//   - the integration and the org link are active and the plugin is enabled
//     for the organization (IntegrationService's lookups, which a cache
//     keeps coherent across hosts: every change of an issue asks them);
//   - the org link's config enables the direction: sync_forward_assignment
//     (assignments), sync_status_forward non-empty (status), sync_comments
//     (comments).
// The job payload is {"type": IHP_EVENT_*, "event": <event JSON>} with the
// event shapes documented in plugin_abi.h (ihp_event); the job's eventType
// carries the same IHP_EVENT_*, so unfinished events of one type can be found.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/change_source.h"
#include "domain/integration_service.h"
#include "jobs/job_queue.h"
#include "storage/records.h"
#include "storage/unit_of_work.h"

namespace ih::host::domain {

// "external-issue:<integrationId>:<key>": the ordering key of every job about
// one remote ticket (the plugin's own jobs for it use the same key).
std::string externalIssueOrderingKey(int64_t integrationId, std::string_view key);

// The event JSON as the plugin should see it when its job runs: a comment
// edit carries the remote comment id stored NOW, not the one known when the
// edit was queued. The comment's own post job runs first (same ordering key)
// but may still have been running, or retrying through an outage, when the
// edit was queued; without this the edit would be posted as a second comment.
// Other events, and events that are not JSON objects, come back unchanged.
std::string eventJsonForRun(storage::UnitOfWork& uow, int32_t eventType, std::string eventJson);

class OutboundEvents {
 public:
  OutboundEvents(jobs::JobQueue& queue, IntegrationService& integrations);

  // `assignee` is the new assignee (none = unassigned).
  void issueAssigned(storage::UnitOfWork& uow, const storage::Issue& issue,
                     const std::optional<storage::User>& assignee, const ChangeSource& source);
  void statusChanged(storage::UnitOfWork& uow, const storage::Issue& issue, const ChangeSource& source);
  void commentCreated(storage::UnitOfWork& uow, const storage::Issue& issue, const storage::Comment& comment,
                      const std::optional<storage::User>& author, const ChangeSource& source);
  // Carries the remote comment id already stored for each external issue.
  void commentUpdated(storage::UnitOfWork& uow, const storage::Issue& issue, const storage::Comment& comment,
                      const std::optional<storage::User>& author, const ChangeSource& source);

 private:
  jobs::JobQueue& queue_;
  IntegrationService& integrations_;
};

}  // namespace ih::host::domain
