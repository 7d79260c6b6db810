// host/jobs/job_queue.cpp - see job_queue.h.

#include "jobs/job_queue.h"

#include <Poco/Logger.h>

#include <random>

#include "jobs/instance_id.h"
#include "jobs/jobs_log.h"
#include "storage/dialect.h"
#include "storage/job_repository.h"
#include "storage/query.h"

namespace ih::host::jobs {

namespace {


// The notification channel of "a job was enqueued" between hosts.
constexpr const char* kJobsChannel = "ih_jobs";
constexpr std::chrono::milliseconds kPollWithoutWakeups{250};
// With wake-ups only time-based work (retries, delays) is found by polling;
// the retry policy's first delay is up to 5 s, so 2 s stays well within it.
constexpr std::chrono::milliseconds kPollWithWakeups{2000};

double random01() {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
}

storage::JobClaim claimOf(const storage::Job& claimed, const std::string& owner) {
  return storage::JobClaim{claimed.id, owner, claimed.attempts};
}

// Another process re-queued or re-claimed the job after this attempt's lease
// ran out; whatever this attempt did is not recorded.
void logLostLease(const storage::Job& claimed, const char* outcome) {
  jobsLogger().warning("job " + std::to_string(claimed.id) + " (" + claimed.kind + ") attempt " +
                       std::to_string(claimed.attempts) + " lost its lease; its outcome (" + outcome +
                       ") is not recorded");
}

}  // namespace

JobQueue::JobQueue(storage::Database& database, const Clock& clock, RetryPolicy policy, int64_t leaseMs,
                   std::string owner)
    : database_(database),
      clock_(clock),
      policy_(policy),
      leaseMs_(leaseMs > 0 ? leaseMs : kDefaultLeaseMs),
      owner_(owner.empty() ? newInstanceId() : std::move(owner)),
      otherHostsEnqueue_(database.listen(kJobsChannel, [this] { wake(); })) {}

int64_t JobQueue::enqueue(storage::UnitOfWork& uow, const JobRequest& request) {
  const int64_t now = clock_.nowMs();
  storage::Job job;
  job.pluginKey = request.pluginKey;
  job.kind = request.kind;
  job.payloadJson = request.payloadJson;
  job.orderingKey = request.orderingKey;
  job.organizationId = request.organizationId;
  job.integrationId = request.integrationId;
  job.eventType = request.eventType;
  job.state = storage::JobState::Pending;
  job.maxAttempts = request.maxAttempts > 0 ? request.maxAttempts : policy_.maxAttempts;
  job.runAt = now + std::max<int64_t>(request.delayMs, 0);
  job.createdAt = now;
  job.updatedAt = now;
  uow.beginWrite();
  const int64_t id = storage::JobRepository(uow).insert(job);
  // Workers learn of the job only once it is visible to them; other hosts'
  // by a notification PostgreSQL delivers at commit.
  uow.afterCommit([this] { wake(); });
  if (const std::string notify = uow.dialect().notifySql(kJobsChannel); !notify.empty()) {
    storage::Query(uow, notify).execute();
  }
  return id;
}

std::optional<storage::Job> JobQueue::claimNext() {
  auto uow = database_.begin();
  const int64_t now = clock_.nowMs();
  auto claimed = storage::JobRepository(*uow).claim(owner_, now, now + leaseMs_);
  uow->commit();
  return claimed;
}

bool JobQueue::complete(const storage::Job& claimed) {
  auto uow = database_.begin();
  const bool current = completeIn(*uow, claimed);
  uow->commit();
  return current;
}

bool JobQueue::completeIn(storage::UnitOfWork& uow, const storage::Job& claimed) {
  uow.beginWrite();
  if (!storage::JobRepository(uow).markDone(claimOf(claimed, owner_), clock_.nowMs())) {
    logLostLease(claimed, "done");
    return false;
  }
  uow.afterCommit([this] { wake(); });  // a job waiting on this one's ordering key may run now
  return true;
}

bool JobQueue::retry(const storage::Job& claimed, const std::string& error, std::optional<int64_t> retryAfterMs) {
  return retryOrDeadLetter(claimed, error, retryAfterMs).has_value();
}

std::optional<storage::JobState> JobQueue::retryOrDeadLetter(const storage::Job& claimed, const std::string& error,
                                                             std::optional<int64_t> retryAfterMs) {
  const int64_t now = clock_.nowMs();
  if (claimed.attempts >= claimed.maxAttempts) {
    const std::string reason = "attempts exhausted (" + std::to_string(claimed.attempts) + "): " + error;
    if (!deadLetter(claimed, reason)) return std::nullopt;
    return storage::JobState::Dead;
  }
  const int64_t delay = policy_.delayBeforeAttempt(claimed.attempts + 1, random01(), retryAfterMs);
  auto uow = database_.begin();
  const bool current = storage::JobRepository(*uow).reschedule(claimOf(claimed, owner_), now + delay, error, now);
  uow->commit();
  if (!current) {
    logLostLease(claimed, "retry");
    return std::nullopt;
  }
  jobsLogger().information("job " + std::to_string(claimed.id) + " (" + claimed.kind + ") will retry in " +
                           std::to_string(delay) + " ms: " + error);
  return storage::JobState::Pending;
}

void JobQueue::notifyDeadLetter(storage::UnitOfWork& uow, const storage::Job& job, const std::string& reason) {
  if (!deadLetterListener_) return;
  try {
    deadLetterListener_(uow, job, reason);
  } catch (const std::exception& e) {
    // The dead letter itself must stand even when its log line cannot be written.
    jobsLogger().error("job " + std::to_string(job.id) + ": dead-letter listener failed: " + e.what());
  }
}

bool JobQueue::deadLetter(const storage::Job& claimed, const std::string& reason) {
  auto uow = database_.begin();
  uow->beginWrite();
  const bool current = storage::JobRepository(*uow).markDead(claimOf(claimed, owner_), reason, clock_.nowMs());
  if (current) notifyDeadLetter(*uow, claimed, reason);
  uow->commit();
  if (!current) {
    logLostLease(claimed, "dead");
    return false;
  }
  jobsLogger().warning("job " + std::to_string(claimed.id) + " (" + claimed.kind + ") dead-lettered: " + reason);
  wake();
  return true;
}

storage::ReviveResult JobQueue::retryDead(storage::UnitOfWork& uow, int64_t jobId, int64_t organizationId) {
  const auto result = storage::JobRepository(uow).reviveDead(jobId, organizationId, clock_.nowMs());
  if (result == storage::ReviveResult::Revived) uow.afterCommit([this] { wake(); });
  return result;
}

bool JobQueue::discardDead(storage::UnitOfWork& uow, int64_t jobId, int64_t organizationId, const std::string& note) {
  return storage::JobRepository(uow).discardDead(jobId, organizationId, note, clock_.nowMs());
}

size_t JobQueue::renewLeases(const std::vector<int64_t>& jobIds) {
  if (jobIds.empty()) return 0;
  auto uow = database_.begin();
  const size_t renewed = storage::JobRepository(*uow).renewLeases(owner_, jobIds, clock_.nowMs() + leaseMs_);
  uow->commit();
  return renewed;
}

size_t JobQueue::requeueExpired() {
  auto uow = database_.begin();
  const size_t count = storage::JobRepository(*uow).requeueExpired(clock_.nowMs());
  uow->commit();
  if (count > 0) {
    jobsLogger().warning("re-queued " + std::to_string(count) + " job(s) whose lease expired");
    wake();
  }
  return count;
}

void JobQueue::waitForWork(std::chrono::milliseconds timeout) {
  std::unique_lock lock(wakeMutex_);
  const uint64_t seen = wakeGeneration_;
  wakeSignal_.wait_for(lock, timeout, [&] { return wakeGeneration_ != seen; });
}

std::chrono::milliseconds JobQueue::idlePollInterval() const {
  return otherHostsEnqueue_ && otherHostsEnqueue_->live() ? kPollWithWakeups : kPollWithoutWakeups;
}

void JobQueue::wake() {
  {
    std::lock_guard lock(wakeMutex_);
    ++wakeGeneration_;
  }
  wakeSignal_.notify_all();
}

size_t JobQueue::depth() {
  auto uow = database_.begin();
  storage::JobRepository jobs(*uow);
  return jobs.countInState(storage::JobState::Pending) + jobs.countInState(storage::JobState::Running);
}

size_t JobQueue::deadCount() {
  auto uow = database_.begin();
  return storage::JobRepository(*uow).countInState(storage::JobState::Dead);
}

std::vector<storage::Job> JobQueue::list(const JobFilter& filter) {
  auto uow = database_.begin();
  return storage::JobRepository(*uow).list(filter.organizationId, filter.state, filter.limit);
}

std::optional<storage::Job> JobQueue::find(int64_t jobId) {
  auto uow = database_.begin();
  return storage::JobRepository(*uow).findById(jobId);
}

}  // namespace ih::host::jobs
