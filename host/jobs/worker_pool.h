// host/jobs/worker_pool.h - background threads that drain the job queue.
//
// Each worker claims a job, dispatches it to the JobRunner registered for the
// job's plugin key, and records the outcome. A lease keeper thread renews the
// leases of the jobs running here and returns expired ones of any host to the
// queue. stop() lets running jobs finish (SIGTERM drains) and then joins the
// threads.
#pragma once

#include <atomic>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <set>
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
  void leaseKeeperLoop();
  void keepLeases();
  std::vector<int64_t> runningHere();

  JobQueue& queue_;
  ops::Metrics& metrics_;
  int workerCount_;
  std::map<std::string, JobRunner*> runners_;
  std::vector<std::thread> threads_;
  std::atomic<bool> stopping_{false};
  std::thread leaseKeeper_;
  std::mutex stateMutex_;  // guards runningHere_ and keeperStopping_
  std::condition_variable stopSignal_;
  bool keeperStopping_ = false;
  std::multiset<int64_t> runningHere_;  // claimed by this pool and not yet recorded, once per attempt
};

}  // namespace ih::host::jobs
