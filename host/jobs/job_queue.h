// host/jobs/job_queue.h - the durable job queue in the database.
//
// A job is enqueued inside the caller's unit of work, so it exists exactly
// when the change that caused it commits. Workers claim jobs in id order;
// jobs that share an ordering key run strictly one after another (an assign
// followed by an unassign of the same ticket can never land reversed). A
// failed job is retried with exponential backoff plus jitter (or after the
// remote side's Retry-After), up to its attempt limit, then dead-lettered with
// its reason.
//
// Several host processes may share the queue. A claim is a lease held by this
// process (owner()) for `leaseMs`; the worker pool renews the leases of jobs
// still running, and any process re-queues jobs whose lease expired (a host
// that died or lost the database). An outcome is recorded only while the
// attempt is still the job's current claim: a stale attempt changes nothing,
// and the call says so. Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "jobs/retry_policy.h"
#include "storage/database.h"
#include "storage/job_repository.h"
#include "storage/records.h"

namespace ih::host::jobs {

struct JobRequest {
  std::string pluginKey;  // empty = a host job
  std::string kind;
  std::string payloadJson = "{}";
  std::optional<std::string> orderingKey;
  std::optional<int64_t> organizationId;
  std::optional<int64_t> integrationId;
  std::optional<int32_t> eventType;  // IHP_EVENT_* for host event jobs, so they can be found by type
  int64_t delayMs = 0;
  uint32_t maxAttempts = 0;  // 0 = the policy's default
};

// Told, inside the unit of work that dead-letters a job, that it did (the
// domain writes the job's ticket's sync log). Never throws.
using DeadLetterListener =
    std::function<void(storage::UnitOfWork& uow, const storage::Job& job, const std::string& reason)>;

struct JobFilter {
  std::optional<int64_t> organizationId;
  std::optional<storage::JobState> state;
  size_t limit = 100;
};

class JobQueue {
 public:
  static constexpr int64_t kDefaultLeaseMs = 30'000;

  // `owner` names this process in leases; empty = a fresh newInstanceId().
  JobQueue(storage::Database& database, const Clock& clock, RetryPolicy policy, int64_t leaseMs = kDefaultLeaseMs,
           std::string owner = {});

  // Joins `uow`; the workers are woken after it commits. Returns the job id.
  int64_t enqueue(storage::UnitOfWork& uow, const JobRequest& request);

  // Atomically moves the oldest runnable job to "running" (attempts + 1)
  // under a lease of this process.
  std::optional<storage::Job> claimNext();
  // The outcomes of a claimed job (as claimNext() returned it). Each returns
  // false, changes nothing and logs it when the attempt lost its lease.
  bool complete(const storage::Job& claimed);
  // complete() inside the caller's unit of work (JobCompletion): workers are
  // woken after it commits; false (logged) when the lease was lost.
  bool completeIn(storage::UnitOfWork& uow, const storage::Job& claimed);
  // Schedules another attempt (backoff, or retryAfterMs when given) or
  // dead-letters the job when its attempts are used up.
  bool retry(const storage::Job& claimed, const std::string& error, std::optional<int64_t> retryAfterMs = std::nullopt);
  // retry(), telling which it was: Pending (another attempt), Dead, or
  // nullopt when the attempt had lost its lease.
  std::optional<storage::JobState> retryOrDeadLetter(const storage::Job& claimed, const std::string& error,
                                                     std::optional<int64_t> retryAfterMs = std::nullopt);
  bool deadLetter(const storage::Job& claimed, const std::string& reason);
  // Extends the leases of these running jobs of this process; returns how
  // many it still held.
  size_t renewLeases(const std::vector<int64_t>& jobIds);
  // Running jobs of any process whose lease expired go back to pending.
  size_t requeueExpired();

  const std::string& owner() const { return owner_; }
  int64_t leaseMs() const { return leaseMs_; }
  // An owner's decisions about a dead job, in the caller's unit of work
  // (workers are woken after it commits). Retrying: see
  // JobRepository::reviveDead. Discarding: false when there is no dead job of
  // that id in the organization.
  storage::ReviveResult retryDead(storage::UnitOfWork& uow, int64_t jobId, int64_t organizationId);
  bool discardDead(storage::UnitOfWork& uow, int64_t jobId, int64_t organizationId, const std::string& note);

  // Blocks until a job may be runnable or the timeout passes.
  void waitForWork(std::chrono::milliseconds timeout);
  // How long an idle worker waits before looking again (retries and delayed
  // jobs fall due without a wake-up): short while jobs enqueued by other
  // hosts can only be found by looking, seconds while their notifications
  // arrive.
  std::chrono::milliseconds idlePollInterval() const;
  void wake();

  size_t depth();  // pending + running, for /metrics
  size_t deadCount();
  // Set once, before the workers start.
  void onDeadLetter(DeadLetterListener listener) { deadLetterListener_ = std::move(listener); }
  // Newest first.
  std::vector<storage::Job> list(const JobFilter& filter);
  std::optional<storage::Job> find(int64_t jobId);

  const RetryPolicy& policy() const { return policy_; }

 private:
  storage::Database& database_;
  const Clock& clock_;
  RetryPolicy policy_;
  DeadLetterListener deadLetterListener_;
  void notifyDeadLetter(storage::UnitOfWork& uow, const storage::Job& job, const std::string& reason);
  int64_t leaseMs_;
  std::string owner_;
  std::mutex wakeMutex_;
  std::condition_variable wakeSignal_;
  uint64_t wakeGeneration_ = 0;
  // Last: it calls wake() from its thread until it is destroyed.
  std::unique_ptr<storage::NotificationListener> otherHostsEnqueue_;
};

}  // namespace ih::host::jobs
