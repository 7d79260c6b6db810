// host/jobs/worker_pool.h - background threads that drain the job queue.
//
// Each worker claims a job, dispatches it to the JobRunner registered for the
// job's plugin key, and records the outcome. stop() lets running jobs finish
// (SIGTERM drains) and then joins the threads.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "jobs/job_queue.h"
#include "jobs/job_runner.h"

namespace ih::host::ops {
class Metrics;
}

namespace ih::host::jobs {

class WorkerPool {
 public:
  WorkerPool(JobQueue& queue, ops::Metrics& metrics, int workerCount);
  ~WorkerPool();

  // Register before start(). Key "" handles host jobs.
  void registerRunner(const std::string& pluginKey, JobRunner& runner);
  void start();
  void stop();

 private:
  void workerLoop();
  void runOne(const storage::Job& job);

  JobQueue& queue_;
  ops::Metrics& metrics_;
  int workerCount_;
  std::map<std::string, JobRunner*> runners_;
  std::vector<std::thread> threads_;
  std::atomic<bool> stopping_{false};
};

}  // namespace ih::host::jobs
