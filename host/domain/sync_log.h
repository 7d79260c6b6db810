// host/domain/sync_log.h - writes and reads the per-issue sync log: what the
// sync did with each change and why, in words a user can act on
// ("skipped: older than the change of 10:02:11 UTC on 2024-06-10"). Every
// writer (inbound sync, outbound events, job outcomes, plugins through
// sync_log_write) goes through here, so the shape and the bound are the same
// everywhere. Entries never contain secrets: callers pass ids, keys, names
// and reasons, never tokens or payloads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "storage/records.h"
#include "storage/sync_log_repository.h"
#include "storage/unit_of_work.h"

namespace ih::host::domain {

enum class SyncDirection { Inbound, Outbound };
enum class SyncOutcome { Applied, Skipped, Pending, Failed };

const char* syncDirectionName(SyncDirection direction);
const char* syncOutcomeName(SyncOutcome outcome);

// One change of one linked ticket; `reason` is what follows "<outcome>: ".
struct SyncNote {
  int64_t integrationId = 0;
  std::string externalKey;
  SyncDirection direction = SyncDirection::Inbound;
  std::string kind;  // assignee | status | comment | link | reconcile
  SyncOutcome outcome = SyncOutcome::Applied;
  std::string reason;
};

// "10:02:11 UTC on 2024-06-10": how the log names a change by its time.
std::string changeTime(int64_t epochMs);

class SyncLog {
 public:
  explicit SyncLog(const Clock& clock) : clock_(clock) {}

  // For one issue of the organization.
  void write(storage::UnitOfWork& uow, int64_t organizationId, int64_t issueId, const SyncNote& note);
  // For every issue linked to (note.integrationId, note.externalKey) in the
  // organization (none = in every organization that links the integration);
  // returns how many entries were written.
  size_t writeForTicket(storage::UnitOfWork& uow, std::optional<int64_t> organizationId, const SyncNote& note);
  // Newest first, at most `limit`; beforeId pages to older entries.
  std::vector<storage::SyncLogRow> list(storage::UnitOfWork& uow, int64_t organizationId, int64_t issueId,
                                        size_t limit, int64_t beforeId = 0);
  // The host's own line when it gives up an outbound event job ("ihp.event"):
  // "failed: given up after 5 attempts (...); retry it from the sync health
  // page". Other jobs have no ticket and write nothing.
  void jobDeadLettered(storage::UnitOfWork& uow, const storage::Job& job, const std::string& reason);

 private:
  const Clock& clock_;
};

}  // namespace ih::host::domain
