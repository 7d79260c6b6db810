// host/storage/audit_log_repository.cpp - see audit_log_repository.h.
#include "storage/audit_log_repository.h"

#include "storage/query.h"
#include "storage/unit_of_work.h"

namespace ih::host::storage {

int64_t AuditLogRepository::insert(const AuditRow& entry) {
  uow_.beginWrite();
  return Query(uow_,
               "INSERT INTO audit_log (organization_id, actor_type, actor_user_id, actor_email, event, target_type,"
               " target_id, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
      .bind(entry.organizationId)
      .bind(entry.actorType)
      .bind(entry.actorUserId)
      .bind(entry.actorEmail)
      .bind(entry.event)
      .bind(entry.targetType)
      .bind(entry.targetId)
      .bind(entry.dataJson)
      .bind(entry.createdAt)
      .scalarInt64();
}

std::vector<AuditRow> AuditLogRepository::list(int64_t organizationId, size_t limit, int64_t beforeId) {
  std::vector<AuditRow> entries;
  const auto rows = Query(uow_,
                          "SELECT id, organization_id, actor_type, actor_user_id, actor_email, event, target_type,"
                          " target_id, data, created_at FROM audit_log WHERE organization_id = ? AND (? = 0 OR id < ?)"
                          " ORDER BY id DESC LIMIT ?")
                        .bind(organizationId)
                        .bind(beforeId)
                        .bind(beforeId)
                        .bind(static_cast<int64_t>(limit))
                        .rows();
  for (const auto& row : rows) {
    entries.push_back(AuditRow{row.int64(0), row.int64(1), row.text(2), row.optInt64(3), row.optText(4), row.text(5),
                               row.text(6), row.optText(7), row.text(8), row.int64(9)});
  }
  return entries;
}

}  // namespace ih::host::storage
