// host/jobs/worker_pool.cpp - see worker_pool.h.

#include "jobs/worker_pool.h"

#include <Poco/Logger.h>

#include <stdexcept>

#include "jobs/jobs_log.h"
#include "ops/metrics.h"

namespace ih::host::jobs {

namespace {

constexpr const char* kProcessed = "ih_jobs_processed_total";
constexpr const char* kDepth = "ih_jobs_queue_depth";
constexpr const char* kDead = "ih_jobs_dead";
// Idle workers look again this often even without a wake-up: retries and
// delayed jobs become due without anyone enqueuing.
constexpr std::chrono::milliseconds kIdlePoll{250};
// After a storage error (database briefly unavailable) a worker backs off.
constexpr std::chrono::milliseconds kErrorBackoff{1000};


}  // namespace

WorkerPool::WorkerPool(JobQueue& queue, ops::Metrics& metrics, int workerCount)
    : queue_(queue), metrics_(metrics), workerCount_(workerCount < 1 ? 1 : workerCount) {
  metrics_.describe(kProcessed, "Jobs processed by the workers, by outcome (done, retry, dead).");
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
  for (int i = 0; i < workerCount_; ++i) threads_.emplace_back([this] { workerLoop(); });
}

void WorkerPool::stop() {
  stopping_ = true;
  queue_.wake();
  for (auto& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
  threads_.clear();
}

void WorkerPool::workerLoop() {
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
      queue_.waitForWork(kIdlePoll);
      continue;
    }
    // A claimed job always runs to its end: stop() waits for it (drain).
    try {
      runOne(*job);
    } catch (const std::exception& error) {
      // Recording the outcome failed; the job stays "running" until the next
      // start-up re-queues it.
      jobsLogger().error("recording the outcome of job " + std::to_string(job->id) + " failed: " + error.what());
    }
  }
}

void WorkerPool::runOne(const storage::Job& job) {
  auto runner = runners_.find(job.pluginKey);
  if (runner == runners_.end()) {
    queue_.deadLetter(job.id, "no runner for plugin '" + job.pluginKey + "'");
    metrics_.increment(kProcessed, {{"outcome", "dead"}});
    return;
  }
  JobOutcome outcome;
  try {
    outcome = runner->second->run(job);
  } catch (const std::exception& error) {
    outcome = JobOutcome::retry(error.what());
  } catch (...) {
    outcome = JobOutcome::retry("unknown exception");
  }
  switch (outcome.kind) {
    case JobOutcome::Kind::Done:
      queue_.complete(job.id);
      metrics_.increment(kProcessed, {{"outcome", "done"}});
      break;
    case JobOutcome::Kind::Retry: {
      const auto state = queue_.retryOrDeadLetter(job.id, outcome.reason, outcome.retryAfterMs);
      metrics_.increment(kProcessed, {{"outcome", state == storage::JobState::Dead ? "dead" : "retry"}});
      break;
    }
    case JobOutcome::Kind::Dead:
      queue_.deadLetter(job.id, outcome.reason);
      metrics_.increment(kProcessed, {{"outcome", "dead"}});
      break;
  }
}

}  // namespace ih::host::jobs
