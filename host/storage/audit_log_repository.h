// host/storage/audit_log_repository.h - the organization's audit log: who
// (actor type, user id and email as they were) did what (event) to which
// target, with the event's data (a JSON object without secrets), newest first.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ih::host::storage {

class UnitOfWork;

struct AuditRow {
  int64_t id = 0;
  int64_t organizationId = 0;
  std::string actorType;  // user | superuser
  std::optional<int64_t> actorUserId;
  std::optional<std::string> actorEmail;
  std::string event;
  std::string targetType;
  std::optional<std::string> targetId;
  std::string dataJson = "{}";
  int64_t createdAt = 0;
};

class AuditLogRepository {
 public:
  explicit AuditLogRepository(UnitOfWork& uow) : uow_(uow) {}
  int64_t insert(const AuditRow& row);
  // Newest first; beforeId > 0 pages to older entries.
  std::vector<AuditRow> list(int64_t organizationId, size_t limit, int64_t beforeId = 0);

 private:
  UnitOfWork& uow_;
};

}  // namespace ih::host::storage
