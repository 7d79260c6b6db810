// host/storage/job_repository.h - rows of the durable job queue.
//
// Several host processes may share one queue. A claim is one statement that
// flips the lowest claimable pending job to running under a lease (owner,
// attempt, locked_until): on PostgreSQL its candidate is picked FOR UPDATE
// SKIP LOCKED, on SQLite the single writer serialises claimers. Every later
// change of a running job names the claim it belongs to, so an attempt whose
// lease expired (and was re-queued or re-claimed) changes nothing.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/records.h"

namespace ih::host::storage {

class UnitOfWork;

// One attempt of a running job, as its owner knows it.
struct JobClaim {
  int64_t jobId = 0;
  std::string owner;
  uint32_t attempt = 0;  // Job::attempts right after the claim
};

enum class ReviveResult { Revived, NotDead, Superseded };

class JobRepository {
 public:
  explicit JobRepository(UnitOfWork& uow) : uow_(uow) {}
  int64_t insert(const Job& job);
  std::optional<Job> findById(int64_t id);
  // The lowest-id pending job due at `now` whose ordering key (if any) has no
  // earlier pending or running job.
  std::optional<Job> nextClaimable(int64_t now);
  // Its statement (one `?`: now), for EXPLAIN in tests.
  static std::string nextClaimableSql();
  // nextClaimable() flipped to running for `owner` until `lockedUntil`,
  // attempts + 1, in one statement; nullopt when nothing is claimable.
  std::optional<Job> claim(const std::string& owner, int64_t now, int64_t lockedUntil);
  // A pending or running job with this ordering key exists (other than
  // `exceptJobId`). This and hasUnfinishedEvent() read a key's unfinished
  // jobs once per transaction (UnitOfWork::transactionMemo; an inbound
  // delivery asks three times), until this repository writes a job or the
  // transaction takes a new row lock.
  bool hasUnfinished(std::string_view orderingKey, std::optional<int64_t> exceptJobId = std::nullopt);
  // A scalar subquery (one `?`: the ordering key) listing the key's
  // unfinished jobs as those two need them, for a statement that reads them
  // with its own rows (ExternalIssueRepository::lockedLinkedIssues: one
  // statement fewer per inbound delivery); keepUnfinished() takes its value.
  static std::string unfinishedOfKeyListSql(const Dialect& dialect);
  // What unfinishedOfKeyListSql() read in the open transaction, kept for
  // those two as their own read would be.
  void keepUnfinished(std::string_view orderingKey, const std::optional<std::string>& listed);
  // True while a pending or running job of the organization with this
  // ordering key carries event `eventType` (Job::eventType), other than
  // `exceptJobId`.
  bool hasUnfinishedEvent(std::string_view orderingKey, int64_t organizationId, int32_t eventType,
                          std::optional<int64_t> exceptJobId);
  // Its statement (four `?`: key, event type, organization, except id), for
  // EXPLAIN in tests; asked when a key has more unfinished jobs than are kept.
  static std::string unfinishedEventSql();
  // The read of a key's unfinished jobs that is kept (`?`: key), for EXPLAIN.
  static std::string unfinishedOfKeySql();
  // Outcomes of a claim; false (nothing changed) when the claim is no longer
  // current: its lease expired and the job was re-queued or claimed again.
  bool markDone(const JobClaim& claim, int64_t now, const std::optional<std::string>& note = std::nullopt);
  bool reschedule(const JobClaim& claim, int64_t runAt, const std::string& error, int64_t now);
  bool markDead(const JobClaim& claim, const std::string& reason, int64_t now);
  // Extends the leases of `owner`'s running jobs among `jobIds`; returns how
  // many it still held.
  size_t renewLeases(const std::string& owner, const std::vector<int64_t>& jobIds, int64_t lockedUntil);
  // Running jobs whose lease ended before `now` go back to pending (whoever
  // owned them: a host that died, or one cut off from the database).
  size_t requeueExpired(int64_t now);
  // A dead job runs again: pending now, attempts from 0, keeping its id, so it
  // still goes before the later jobs of its ordering key that wait. Not when
  // a later job of its key and kind has run or runs (Superseded), nor unless
  // the job is dead and the organization's (NotDead).
  ReviveResult reviveDead(int64_t id, int64_t organizationId, int64_t now);
  // A dead job is set aside for good (done, with `note` as its last word).
  // False unless the job is dead and the organization's.
  bool discardDead(int64_t id, int64_t organizationId, const std::string& note, int64_t now);
  size_t countInState(JobState state);
  // Newest first.
  std::vector<Job> list(std::optional<int64_t> organizationId, std::optional<JobState> state, size_t limit);
  // Pending jobs of (pluginKey, kind) for the integration -> done with a note.
  size_t cancelPending(std::string_view pluginKey, std::string_view kind, int64_t integrationId,
                       const std::string& note, int64_t now);

 private:
  struct UnfinishedJob {
    int64_t id = 0;
    std::optional<int64_t> eventType;
    std::optional<int64_t> organizationId;
  };
  // A key's unfinished jobs as the open transaction read them; at most
  // kUnfinishedJobsKept + 1 (then not complete: only hasUnfinished() answers
  // from them).
  struct UnfinishedJobs {
    std::vector<UnfinishedJob> jobs;
    bool complete = true;
  };
  struct UnfinishedJobsMemo {
    std::map<std::string, UnfinishedJobs, std::less<>> byKey;
  };
  static constexpr size_t kUnfinishedJobsKept = 16;

  // nullptr outside a transaction.
  const UnfinishedJobs* unfinishedOf(std::string_view orderingKey);
  // Every write to jobs: what was kept of them is no longer the truth.
  void beginJobWrite();

  UnitOfWork& uow_;
};

}  // namespace ih::host::storage
