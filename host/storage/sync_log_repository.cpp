// host/storage/sync_log_repository.cpp - see sync_log_repository.h.
#include "storage/sync_log_repository.h"

#include <algorithm>
#include <utility>

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

// Stores `rows` in one statement; returns (id, issue id) of each.
std::vector<std::pair<int64_t, int64_t>> insertRows(UnitOfWork& uow, const std::vector<SyncLogRow>& rows) {
  Query query(uow,
              "INSERT INTO sync_log (organization_id, issue_id, integration_id, external_key, direction, kind, outcome,"
              " detail, created_at) VALUES " +
                  placeholderRows(9, rows.size()) + " RETURNING id, issue_id");
  for (const SyncLogRow& entry : rows) {
    query.bind(entry.organizationId)
        .bind(entry.issueId)
        .bind(entry.integrationId)
        .bind(entry.externalKey)
        .bind(entry.direction)
        .bind(entry.kind)
        .bind(entry.outcome)
        .bind(entry.detail)
        .bind(entry.createdAt);
  }
  std::vector<std::pair<int64_t, int64_t>> stored;
  for (const Row& row : query.rows()) stored.emplace_back(row.int64(0), row.int64(1));
  return stored;
}

// Prunes the issues whose new ids say so (SyncLogRepository::prunesAfter),
// each once, and sweeps expired entries if any issue was pruned.
void prune(UnitOfWork& uow, const std::vector<std::pair<int64_t, int64_t>>& stored, int64_t now) {
  std::vector<int64_t> pruned;
  for (const auto& [id, issueId] : stored) {
    if (!SyncLogRepository::prunesAfter(id) || std::find(pruned.begin(), pruned.end(), issueId) != pruned.end()) {
      continue;
    }
    pruned.push_back(issueId);
    Query(uow, SyncLogRepository::keepNewestSql())
        .bind(issueId)
        .bind(issueId)
        .bind(static_cast<int64_t>(SyncLogRepository::kKeepPerIssue))
        .executeWithNext();
  }
  if (pruned.empty()) return;
  // Usually nothing has expired, which the oldest time says. PostgreSQL's
  // generic plan of the sweep hashes a sequential scan of the whole log (0.8
  // ms a call in bench-postgres), and of `WHERE created_at < ? LIMIT 1`
  // scans it all to find nothing (18 ms); min() reads one end of
  // sync_log_by_time on either backend, with no parameter to misjudge.
  const int64_t cutoff = now - SyncLogRepository::kRetentionMs;
  const std::optional<Row> oldest = Query(uow, SyncLogRepository::oldestSql()).one();
  if (oldest && !oldest->isNull(0) && oldest->int64(0) < cutoff) {
    Query(uow, SyncLogRepository::sweepExpiredSql())
        .bind(cutoff)
        .bind(static_cast<int64_t>(SyncLogRepository::kExpiredSweptPerPrune))
        .execute();
  }
}

// The open transaction's entries not stored yet.
class PendingEntries final : public UnitOfWork::DeferredWrites {
 public:
  void add(UnitOfWork& uow, const SyncLogRow& entry) {
    rows_.push_back(entry);
    if (rows_.size() >= SyncLogRepository::kRowsPerStatement) flush(uow);
  }
  void flush(UnitOfWork& uow) override {
    if (rows_.empty()) return;
    const std::vector<SyncLogRow> rows = std::move(rows_);
    rows_.clear();
    int64_t newest = 0;
    for (const SyncLogRow& row : rows) newest = std::max(newest, row.createdAt);
    prune(uow, insertRows(uow, rows), newest);
  }

 private:
  std::vector<SyncLogRow> rows_;
};

}  // namespace

void SyncLogRepository::insert(const SyncLogRow& entry) {
  uow_.beginWrite();
  uow_.deferredWrites<PendingEntries>().add(uow_, entry);
}

bool SyncLogRepository::prunesAfter(int64_t id) {
  // SplitMix64's finaliser: ids that share a stride (two issues written in
  // turn) still land on pruning ids about one time in kPruneEvery each.
  uint64_t z = static_cast<uint64_t>(id) + 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  z ^= z >> 31;
  return z % static_cast<uint64_t>(kPruneEvery) == 0;
}

// The issue's entries past its newest kKeepPerIssue: a range of sync_log_by_issue.
const char* SyncLogRepository::keepNewestSql() {
  return "DELETE FROM sync_log WHERE issue_id = ? AND id <= (SELECT id FROM sync_log"
         " WHERE issue_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)";
}

const char* SyncLogRepository::oldestSql() { return "SELECT min(created_at) FROM sync_log"; }

// The oldest expired entries of any issue: a range of sync_log_by_time.
const char* SyncLogRepository::sweepExpiredSql() {
  return "DELETE FROM sync_log WHERE id IN (SELECT id FROM sync_log WHERE created_at < ? ORDER BY created_at LIMIT ?)";
}

// Entries past the issue's newest kKeepPerIssue may wait for the next
// pruning insert; the bound leaves them out.
std::string SyncLogRepository::listSql() {
  return std::string("SELECT ") + kColumns +
         " FROM sync_log WHERE issue_id = ? AND organization_id = ? AND (? = 0 OR id < ?)"
         " AND id >= COALESCE((SELECT id FROM sync_log WHERE issue_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?), 0)"
         " ORDER BY id DESC LIMIT ?";
}

std::vector<SyncLogRow> SyncLogRepository::listForIssue(int64_t organizationId, int64_t issueId, size_t limit,
                                                        int64_t beforeId) {
  uow_.flushDeferredWrites();  // this transaction's own entries too
  std::vector<SyncLogRow> entries;
  const auto rows = Query(uow_, listSql())
                        .bind(issueId)
                        .bind(organizationId)
                        .bind(beforeId)
                        .bind(beforeId)
                        .bind(issueId)
                        .bind(static_cast<int64_t>(kKeepPerIssue - 1))
                        .bind(static_cast<int64_t>(limit))
                        .rows();
  for (const auto& row : rows) entries.push_back(syncLogFromRow(row));
  return entries;
}

}  // namespace ih::host::storage
