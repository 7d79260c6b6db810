// host/jobs/job_queue.h - the durable job queue in the database.
//
// A job is enqueued inside the caller's unit of work, so it exists exactly
// when the change that caused it commits. Workers claim jobs in id order;
// jobs that share an ordering key run strictly one after another (an assign
// followed by an unassign of the same ticket can never land reversed). A
// failed job is retried with exponential backoff plus jitter (or after the
// remote side's Retry-After), up to its attempt limit, then dead-lettered with
// its reason. Jobs left "running" by a crash are re-queued at start-up.
// Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "jobs/retry_policy.h"
#include "storage/database.h"
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
  JobQueue(storage::Database& database, const Clock& clock, RetryPolicy policy);

  // Joins `uow`; the workers are woken after it commits. Returns the job id.
  int64_t enqueue(storage::UnitOfWork& uow, const JobRequest& request);

  // Atomically moves the oldest runnable job to "running" (attempts + 1).
  std::optional<storage::Job> claimNext();
  void complete(int64_t jobId);
  // Schedules another attempt (backoff, or retryAfterMs when given) or
  // dead-letters the job when its attempts are used up.
  void retry(int64_t jobId, const std::string& error, std::optional<int64_t> retryAfterMs = std::nullopt);
  // retry(), telling which it was: Pending (another attempt) or Dead.
  storage::JobState retryOrDeadLetter(int64_t jobId, const std::string& error,
                                      std::optional<int64_t> retryAfterMs = std::nullopt);
  void deadLetter(int64_t jobId, const std::string& reason);
  // Start-up recovery: jobs stuck in "running" go back to "pending".
  size_t requeueInterrupted();
  // An owner's decisions about a dead job, in the caller's unit of work
  // (workers are woken after it commits). False: no dead job of that id in
  // the organization.
  bool retryDead(storage::UnitOfWork& uow, int64_t jobId, int64_t organizationId);
  bool discardDead(storage::UnitOfWork& uow, int64_t jobId, int64_t organizationId, const std::string& note);

  // Blocks until a job may be runnable or the timeout passes.
  void waitForWork(std::chrono::milliseconds timeout);
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
  void markDead(storage::UnitOfWork& uow, const storage::Job& job, const std::string& reason);
  std::mutex wakeMutex_;
  std::condition_variable wakeSignal_;
  uint64_t wakeGeneration_ = 0;
};

}  // namespace ih::host::jobs
