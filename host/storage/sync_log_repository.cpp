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
  Query(uow_, keepNewestSql()).bind(entry.issueId).bind(entry.issueId).bind(static_cast<int64_t>(kKeepPerIssue)).execute();
  Query(uow_, sweepExpiredSql())
      .bind(entry.createdAt - kRetentionMs)
      .bind(static_cast<int64_t>(kExpiredSweptPerInsert))
      .execute();
  return id;
}

// The issue's entries past its newest kKeepPerIssue: a range of sync_log_by_issue.
const char* SyncLogRepository::keepNewestSql() {
  return "DELETE FROM sync_log WHERE issue_id = ? AND id <= (SELECT id FROM sync_log"
         " WHERE issue_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)";
}

// The oldest expired entries of any issue: a range of sync_log_by_time.
const char* SyncLogRepository::sweepExpiredSql() {
  return "DELETE FROM sync_log WHERE id IN (SELECT id FROM sync_log WHERE created_at < ? ORDER BY created_at LIMIT ?)";
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

}  // namespace ih::host::storage
