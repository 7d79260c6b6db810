// host/storage/sync_log_repository.cpp - see sync_log_repository.h.
#include "storage/sync_log_repository.h"

#include "storage/query.h"
#include "storage/unit_of_work.h"

namespace ih::host::storage {

namespace {

constexpr const char* kColumns =
    "id, organization_id, issue_id, integration_id, external_key, direction, kind, outcome, detail, created_at";

SyncLogRow syncLogFromRow(const Row& row) {
  return SyncLogRow{row.int64(0), row.int64(1), row.int64(2), row.optInt64(3), row.text(4),
                    row.text(5),  row.text(6),  row.text(7),  row.text(8),     row.int64(9)};
}

}  // namespace

int64_t SyncLogRepository::insert(const SyncLogRow& entry) {
  uow_.beginWrite();
  const int64_t id =
      Query(uow_,
            "INSERT INTO sync_log (organization_id, issue_id, integration_id, external_key, direction, kind, outcome,"
            " detail, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
          .bind(entry.organizationId)
          .bind(entry.issueId)
          .bind(entry.integrationId)
          .bind(entry.externalKey)
          .bind(entry.direction)
          .bind(entry.kind)
          .bind(entry.outcome)
          .bind(entry.detail)
          .bind(entry.createdAt)
          .scalarInt64();
  // The newest kKeepPerIssue of the issue stay; both probes seek sync_log_by_issue.
  Query(uow_,
        "DELETE FROM sync_log WHERE issue_id = ? AND (created_at < ? OR id <= (SELECT id FROM sync_log"
        " WHERE issue_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?))")
      .bind(entry.issueId)
      .bind(entry.createdAt - kRetentionMs)
      .bind(entry.issueId)
      .bind(static_cast<int64_t>(kKeepPerIssue))
      .execute();
  return id;
}

std::vector<SyncLogRow> SyncLogRepository::listForIssue(int64_t organizationId, int64_t issueId, size_t limit,
                                                        int64_t beforeId) {
  std::vector<SyncLogRow> entries;
  const auto rows = Query(uow_, std::string("SELECT ") + kColumns +
                                    " FROM sync_log WHERE issue_id = ? AND organization_id = ? AND (? = 0 OR id < ?)"
                                    " ORDER BY id DESC LIMIT ?")
                        .bind(issueId)
                        .bind(organizationId)
                        .bind(beforeId)
                        .bind(beforeId)
                        .bind(static_cast<int64_t>(limit))
                        .rows();
  for (const auto& row : rows) entries.push_back(syncLogFromRow(row));
  return entries;
}

size_t SyncLogRepository::pruneOlderThan(int64_t cutoffMs) {
  uow_.beginWrite();
  return Query(uow_, "DELETE FROM sync_log WHERE created_at < ?").bind(cutoffMs).execute();
}

}  // namespace ih::host::storage
