// host/storage/sync_log_repository.h - the sync log: one row per decision the
// sync made about an issue (inbound or outbound, applied, skipped, pending or
// failed, and why in words), read newest first by the issue's page.
//
// Bounded so a ticket that flaps cannot fill the database: each insert drops
// the issue's entries beyond the newest kKeepPerIssue, and up to
// kExpiredSweptPerInsert entries of any issue older than the retention
// period. Each is one index seek: a single DELETE with both conditions made
// SQLite read every row of the issue (about 200 µs per insert at 200 rows,
// docs/benchmarks.md "Round 5"). The sweep is bounded so one write after a
// long quiet spell stays quick; each insert removes more than it adds, so the
// expired rows are soon gone.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ih::host::storage {

class UnitOfWork;

struct SyncLogRow {
  int64_t id = 0;
  int64_t organizationId = 0;
  int64_t issueId = 0;
  std::optional<int64_t> integrationId;
  std::string externalKey;
  std::string direction;  // inbound | outbound
  std::string kind;       // assignee | status | comment | link | reconcile
  std::string outcome;    // applied | skipped | pending | failed
  std::string detail;
  int64_t createdAt = 0;
};

class SyncLogRepository {
 public:
  static constexpr size_t kKeepPerIssue = 200;
  static constexpr int64_t kRetentionMs = 30LL * 24 * 3600 * 1000;
  static constexpr size_t kExpiredSweptPerInsert = 64;

  explicit SyncLogRepository(UnitOfWork& uow) : uow_(uow) {}

  // Appends (id and createdAt as given are ignored / used), then prunes.
  int64_t insert(const SyncLogRow& row);
  // Newest first; beforeId > 0 pages to older entries.
  std::vector<SyncLogRow> listForIssue(int64_t organizationId, int64_t issueId, size_t limit, int64_t beforeId = 0);

  // The two pruning statements insert() runs (their plans are tested).
  static const char* keepNewestSql();    // (issue, issue, kKeepPerIssue)
  static const char* sweepExpiredSql();  // (cutoff, kExpiredSweptPerInsert)

 private:
  UnitOfWork& uow_;
};

}  // namespace ih::host::storage
