// host/jobs/job_queue.cpp - see job_queue.h.

#include "jobs/job_queue.h"

#include <Poco/Logger.h>

#include <random>

#include "jobs/jobs_log.h"
#include "storage/job_repository.h"

namespace ih::host::jobs {

namespace {


double random01() {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
}

}  // namespace

JobQueue::JobQueue(storage::Database& database, const Clock& clock, RetryPolicy policy)
    : database_(database), clock_(clock), policy_(policy) {}

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
  // Workers learn of the job only once it is visible to them.
  uow.afterCommit([this] { wake(); });
  return id;
}

std::optional<storage::Job> JobQueue::claimNext() {
  auto uow = database_.begin();
  // The write transaction makes pick-and-flip atomic on SQLite; on PostgreSQL
  // the conditional UPDATE lets only one claimer win, so losers try again.
  uow->beginWrite();
  storage::JobRepository jobs(*uow);
  const int64_t now = clock_.nowMs();
  for (int round = 0; round < 8; ++round) {
    auto candidate = jobs.nextClaimable(now);
    if (!candidate) break;
    if (jobs.markRunning(candidate->id, now)) {
      uow->commit();
      candidate->state = storage::JobState::Running;
      candidate->attempts += 1;
      candidate->updatedAt = now;
      return candidate;
    }
  }
  uow->commit();
  return std::nullopt;
}

void JobQueue::complete(int64_t jobId) {
  auto uow = database_.begin();
  storage::JobRepository(*uow).markDone(jobId, clock_.nowMs());
  uow->commit();
  wake();  // a job waiting on this one's ordering key may run now
}

void JobQueue::retry(int64_t jobId, const std::string& error, std::optional<int64_t> retryAfterMs) {
  retryOrDeadLetter(jobId, error, retryAfterMs);
}

storage::JobState JobQueue::retryOrDeadLetter(int64_t jobId, const std::string& error,
                                              std::optional<int64_t> retryAfterMs) {
  auto uow = database_.begin();
  uow->beginWrite();
  storage::JobRepository jobs(*uow);
  auto job = jobs.findById(jobId);
  if (!job) return storage::JobState::Dead;
  const int64_t now = clock_.nowMs();
  if (job->attempts >= job->maxAttempts) {
    const std::string reason = "attempts exhausted (" + std::to_string(job->attempts) + "): " + error;
    markDead(*uow, *job, reason);
    uow->commit();
    jobsLogger().warning("job " + std::to_string(jobId) + " (" + job->kind + ") dead-lettered: " + reason);
    wake();
    return storage::JobState::Dead;
  }
  const int64_t delay = policy_.delayBeforeAttempt(job->attempts + 1, random01(), retryAfterMs);
  jobs.reschedule(jobId, now + delay, error, now);
  uow->commit();
  jobsLogger().information("job " + std::to_string(jobId) + " (" + job->kind + ") will retry in " + std::to_string(delay) +
                       " ms: " + error);
  return storage::JobState::Pending;
}

void JobQueue::markDead(storage::UnitOfWork& uow, const storage::Job& job, const std::string& reason) {
  storage::JobRepository(uow).markDead(job.id, reason, clock_.nowMs());
  if (!deadLetterListener_) return;
  try {
    deadLetterListener_(uow, job, reason);
  } catch (const std::exception& e) {
    // The dead letter itself must stand even when its log line cannot be written.
    jobsLogger().error("job " + std::to_string(job.id) + ": dead-letter listener failed: " + e.what());
  }
}

void JobQueue::deadLetter(int64_t jobId, const std::string& reason) {
  auto uow = database_.begin();
  uow->beginWrite();
  auto job = storage::JobRepository(*uow).findById(jobId);
  if (!job) return;
  markDead(*uow, *job, reason);
  uow->commit();
  jobsLogger().warning("job " + std::to_string(jobId) + " dead-lettered: " + reason);
  wake();
}

bool JobQueue::retryDead(storage::UnitOfWork& uow, int64_t jobId, int64_t organizationId) {
  if (!storage::JobRepository(uow).reviveDead(jobId, organizationId, clock_.nowMs())) return false;
  uow.afterCommit([this] { wake(); });
  return true;
}

bool JobQueue::discardDead(storage::UnitOfWork& uow, int64_t jobId, int64_t organizationId, const std::string& note) {
  return storage::JobRepository(uow).discardDead(jobId, organizationId, note, clock_.nowMs());
}

size_t JobQueue::requeueInterrupted() {
  auto uow = database_.begin();
  const size_t count = storage::JobRepository(*uow).requeueRunning(clock_.nowMs());
  uow->commit();
  if (count > 0) {
    jobsLogger().information("re-queued " + std::to_string(count) + " job(s) interrupted by a restart");
    wake();
  }
  return count;
}

void JobQueue::waitForWork(std::chrono::milliseconds timeout) {
  std::unique_lock lock(wakeMutex_);
  const uint64_t seen = wakeGeneration_;
  wakeSignal_.wait_for(lock, timeout, [&] { return wakeGeneration_ != seen; });
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
