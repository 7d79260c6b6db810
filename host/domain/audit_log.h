// host/domain/audit_log.h - records who changed what in an organization
// (plugins turned on or off, integrations installed, configured and removed,
// members added or given another role, dead jobs retried or discarded,
// reconciles started), so owners can answer "who changed the settings?".
// The actor is kept as it was at the time (its email too), and `data` never
// holds secrets: callers pass ids, keys and setting values only, and config
// values under names that look like credentials are replaced (configChangeData).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/directory_service.h"
#include "storage/audit_log_repository.h"
#include "storage/unit_of_work.h"

namespace ih::host::domain {

struct AuditActor {
  bool superuser = false;
  std::optional<int64_t> userId;
};

struct AuditEvent {
  std::string event;       // e.g. "plugin.enabled", "integration.config_changed"
  std::string targetType;  // e.g. "plugin", "integration", "member", "job"
  std::string targetId;
  std::string dataJson = "{}";  // a JSON object
};

// {"changed":[keys],"before":{...},"after":{...}} for the top-level keys whose
// values differ between two JSON objects (secret-looking keys redacted).
std::string configChangeData(const std::string& beforeJson, const std::string& afterJson);

class AuditLog {
 public:
  explicit AuditLog(DirectoryService& directory) : directory_(directory) {}

  void record(storage::UnitOfWork& uow, int64_t organizationId, const AuditActor& actor, const AuditEvent& event);
  // Newest first, at most `limit`; beforeId pages to older entries.
  std::vector<storage::AuditRow> list(storage::UnitOfWork& uow, int64_t organizationId, size_t limit,
                                      int64_t beforeId = 0);

 private:
  DirectoryService& directory_;
};

}  // namespace ih::host::domain
