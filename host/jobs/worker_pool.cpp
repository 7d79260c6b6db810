// host/jobs/worker_pool.cpp - see worker_pool.h.

#include "jobs/worker_pool.h"

#include <Poco/Logger.h>

#include <algorithm>
#include <stdexcept>

#include "common/thread_name.h"
#include "jobs/jobs_log.h"
#include "ops/metrics.h"

namespace ih::host::jobs {

namespace {

constexpr const char* kProcessed = "ih_jobs_processed_total";
constexpr const char* kDepth = "ih_jobs_queue_depth";
constexpr const char* kDead = "ih_jobs_dead";
// After a storage error (database briefly unavailable) a worker backs off.
constexpr std::chrono::milliseconds kErrorBackoff{1000};
// The lease keeper looks a few times per lease (a renewal delayed by one slow
// round still lands in time), and at least this often, so a dead host's jobs
// run again within lease + this.
constexpr int64_t kLeaseChecksPerLease = 3;
constexpr int64_t kLongestLeaseCheckMs = 5000;
// A job whose plugin this host lacks comes back after this, for another host.
constexpr int64_t kNoRunnerRetryMs = 30000;

// The queue's completion of one claimed job, for a runner that commits the
// job's effects itself.
class QueueCompletion final : public JobCompletion {
 public:
  QueueCompletion(JobQueue& queue, const storage::Job& job) : queue_(queue), job_(job) {}
  bool markDoneIn(storage::UnitOfWork& uow) override { return queue_.completeIn(uow, job_); }

 private:
  JobQueue& queue_;
  const storage::Job& job_;
};

// Keeps a claimed job in the set of jobs whose leases this pool renews, for
// as long as its attempt runs here. A multiset: a host cut off past its lease
// may re-claim the job while its stale attempt still runs here, and the stale
// attempt's end must not stop the renewal of the current one.
class RunningHereMark {
 public:
  RunningHereMark(std::mutex& mutex, std::multiset<int64_t>& running, int64_t id)
      : mutex_(mutex), running_(running), id_(id) {
    std::lock_guard lock(mutex_);
    running_.insert(id_);
  }
  ~RunningHereMark() {
    std::lock_guard lock(mutex_);
    running_.erase(running_.find(id_));
  }
  RunningHereMark(const RunningHereMark&) = delete;
  RunningHereMark& operator=(const RunningHereMark&) = delete;

 private:
  std::mutex& mutex_;
  std::multiset<int64_t>& running_;
  int64_t id_;
};

}  // namespace

WorkerPool::WorkerPool(JobQueue& queue, ops::Metrics& metrics, int workerCount)
    : queue_(queue), metrics_(metrics), workerCount_(workerCount < 1 ? 1 : workerCount) {
  metrics_.describe(kProcessed, "Jobs processed by the workers, by outcome (done, retry, dead, lost_lease).");
  metrics_.describe(kDepth, "Jobs pending or running.");
  metrics_.describe(kDead, "Dead-lettered jobs kept for inspection.");
  // Removed again in the destructor: the queue may not outlive the pool.
  metrics_.gaugeCallback(kDepth, [q = &queue] { return static_cast<double>(q->depth()); });
  metrics_.gaugeCallback(kDead, [q = &queue] { return static_cast<double>(q->deadCount()); });
}

WorkerPool::~WorkerPool() {
  stop();
  metrics_.removeGaugeCallback(kDepth);
  metrics_.removeGaugeCallback(kDead);
}

void WorkerPool::registerRunner(const std::string& pluginKey, JobRunner& runner) {
  if (!threads_.empty()) throw std::logic_error("register job runners before starting the worker pool");
  runners_[pluginKey] = &runner;
}

void WorkerPool::start() {
  if (!threads_.empty()) return;
  stopping_ = false;
  keeperStopping_ = false;
  leaseKeeper_ = std::thread([this] { leaseKeeperLoop(); });
  for (int i = 0; i < workerCount_; ++i) threads_.emplace_back([this] { workerLoop(); });
}

void WorkerPool::stop() {
  stopping_ = true;
  queue_.wake();
  for (auto& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
  threads_.clear();
  // Only now: draining jobs keep their leases until they are recorded.
  {
    std::lock_guard lock(stateMutex_);
    keeperStopping_ = true;
  }
  stopSignal_.notify_all();
  if (leaseKeeper_.joinable()) leaseKeeper_.join();
}

std::vector<int64_t> WorkerPool::runningHere() {
  std::lock_guard lock(stateMutex_);
  std::vector<int64_t> ids(runningHere_.begin(), runningHere_.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());  // sorted already
  return ids;
}

void WorkerPool::keepLeases() {
  const auto running = runningHere();
  const size_t renewed = queue_.renewLeases(running);
  if (renewed < running.size()) {
    // Those attempts run on, but their outcome will not be recorded.
    jobsLogger().warning(std::to_string(running.size() - renewed) +
                         " job(s) running here lost their lease before it could be renewed");
  }
  queue_.requeueExpired();
}

void WorkerPool::leaseKeeperLoop() {
  nameThisThread("ih-job-lease");
  const auto interval =
      std::chrono::milliseconds(std::min(queue_.leaseMs() / kLeaseChecksPerLease, kLongestLeaseCheckMs));
  std::unique_lock lock(stateMutex_);
  while (!keeperStopping_) {
    lock.unlock();
    try {
      keepLeases();
    } catch (const std::exception& error) {
      jobsLogger().error(std::string("renewing job leases failed: ") + error.what());
    }
    lock.lock();
    stopSignal_.wait_for(lock, interval, [this] { return keeperStopping_; });
  }
}

void WorkerPool::workerLoop() {
  nameThisThread("ih-job");
  while (!stopping_) {
    std::optional<storage::Job> job;
    try {
      job = queue_.claimNext();
    } catch (const std::exception& error) {
      jobsLogger().error(std::string("claiming a job failed: ") + error.what());
      queue_.waitForWork(kErrorBackoff);
      continue;
    }
    if (!job) {
      queue_.waitForWork(queue_.idlePollInterval());
      continue;
    }
    // A claimed job always runs to its end: stop() waits for it (drain).
    try {
      RunningHereMark mark(stateMutex_, runningHere_, job->id);
      runOne(*job);
    } catch (const std::exception& error) {
      // Recording the outcome failed; the job stays "running" until its lease
      // expires and a host re-queues it.
      jobsLogger().error("recording the outcome of job " + std::to_string(job->id) + " failed: " + error.what());
    }
  }
}

void WorkerPool::runOne(const storage::Job& job) {
  auto runner = runners_.find(job.pluginKey);
  JobOutcome outcome;
  if (runner == runners_.end()) {
    // Hosts share the queue, and another may have the plugin this one lacks
    // (a file missing or refused here): the job waits for a host that can
    // run it, with its attempts counted, rather than dying at once.
    outcome = JobOutcome::retry("no runner for plugin '" + job.pluginKey + "' on this host", kNoRunnerRetryMs);
  } else {
    try {
      QueueCompletion completion(queue_, job);
      outcome = runner->second->run(job, completion);
    } catch (const std::exception& error) {
      outcome = JobOutcome::retry(error.what());
    } catch (...) {
      outcome = JobOutcome::retry("unknown exception");
    }
  }
  switch (outcome.kind) {
    case JobOutcome::Kind::Done:
      metrics_.increment(kProcessed, {{"outcome", outcome.recorded || queue_.complete(job) ? "done" : "lost_lease"}});
      break;
    case JobOutcome::Kind::LostLease:
      metrics_.increment(kProcessed, {{"outcome", "lost_lease"}});
      break;
    case JobOutcome::Kind::Retry: {
      const auto state = queue_.retryOrDeadLetter(job, outcome.reason, outcome.retryAfterMs);
      const char* recorded = !state ? "lost_lease" : (*state == storage::JobState::Dead ? "dead" : "retry");
      metrics_.increment(kProcessed, {{"outcome", recorded}});
      break;
    }
    case JobOutcome::Kind::Dead:
      metrics_.increment(kProcessed, {{"outcome", queue_.deadLetter(job, outcome.reason) ? "dead" : "lost_lease"}});
      break;
  }
}

}  // namespace ih::host::jobs
