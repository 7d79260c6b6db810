// host/storage/sync_log_repository.h - the sync log: one row per decision the
// sync made about an issue (inbound or outbound, applied, skipped, pending or
// failed, and why in words), read newest first by the issue's page.
//
// Bounded so a ticket that flaps cannot fill the database. An issue shows its
// newest kKeepPerIssue entries, never more. One insert in about kPruneEvery
// (chosen by a mix of its id, so no pattern of writes escapes it) then drops
// the issue's entries beyond those, and up to kExpiredSweptPerPrune entries of
// any issue older than the retention period. Pruning on every insert cost the
// two deletes' index walks on each of the two entries an inbound delivery
// writes, the largest cost left per delivery on PostgreSQL (docs/benchmarks.md,
// issue 11 "Round 9"); reads, far rarer, find the bound instead. A prune
// walks the kept entries whatever it drops, so rarer prunes cost less per
// entry (one in 16 still cost 29 µs a delivery, "Round 14"). Each delete
// is one index seek: a single DELETE with both conditions made SQLite read
// every row of the issue (docs/benchmarks.md "Round 5"). The sweep is bounded
// so one write after a long quiet spell stays quick; pruning removes more than
// the inserts between add, so the expired rows are soon gone.
//
// Entries are stored when their transaction commits, up to kRowsPerStatement
// per statement (UnitOfWork::DeferredWrites): an applier's batch of inbound
// deliveries writes two entries each, and each statement is a round trip.
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
  static constexpr int64_t kPruneEvery = 64;
  static constexpr size_t kExpiredSweptPerPrune = 128;
  static constexpr size_t kRowsPerStatement = 16;

  explicit SyncLogRepository(UnitOfWork& uow) : uow_(uow) {}

  // Appends (the id is the database's, createdAt as given) when the
  // transaction commits, or before this transaction reads the log; then
  // prunes the issue when prunesAfter(the new id).
  void insert(const SyncLogRow& row);
  static bool prunesAfter(int64_t id);
  // Newest first, among the issue's newest kKeepPerIssue; beforeId > 0 pages
  // to older entries.
  std::vector<SyncLogRow> listForIssue(int64_t organizationId, int64_t issueId, size_t limit, int64_t beforeId = 0);

  // The pruning statements insert() runs (their plans are tested).
  static const char* keepNewestSql();    // (issue, issue, kKeepPerIssue)
  static const char* oldestSql();        // run first: the sweep runs only when something expired
  static const char* sweepExpiredSql();  // (cutoff, kExpiredSweptPerPrune)
  // The statement listForIssue() runs (issue, org, before, before, issue, kKeepPerIssue - 1, limit).
  static std::string listSql();

 private:
  UnitOfWork& uow_;
};

}  // namespace ih::host::storage
