// Workers: dispatch by plugin key, record outcomes and metrics, treat
// exceptions as retries, and drain on stop().
#include "jobs/worker_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "ops/metrics.h"
#include "storage/query.h"
#include "support/backend.h"
#include "support/eventually.h"
#include "support/job_requests.h"
#include "support/thread_state.h"

namespace ih::host::jobs {
namespace {

using storage::JobState;

using ih::test::jobRequest;

class FunctionRunner : public JobRunner {
 public:
  explicit FunctionRunner(std::function<JobOutcome(const storage::Job&)> body) : body_(std::move(body)) {}
  JobOutcome run(const storage::Job& job, JobCompletion&) override {
    ++calls;
    return body_(job);
  }
  std::atomic<int> calls{0};

 private:
  std::function<JobOutcome(const storage::Job&)> body_;
};

class WorkerPoolTest : public ih::test::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    queue_ = std::make_unique<JobQueue>(db(), clock_, RetryPolicy{3, 1000, 60'000});
  }
  void TearDown() override {
    queue_.reset();
    BackendTest::TearDown();
  }
  int64_t enqueue(const std::string& pluginKey, uint32_t maxAttempts = 0) {
    auto uow = db().begin();
    JobRequest request = jobRequest(pluginKey, "ihp.event");
    request.maxAttempts = maxAttempts;
    const int64_t id = queue_->enqueue(*uow, request);
    uow->commit();
    return id;
  }
  // Waits (bounded) until the job reaches `state`.
  bool waitFor(int64_t id, JobState state, std::function<bool(const storage::Job&)> extra = nullptr) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
      auto job = queue_->find(id);
      if (job && job->state == state && (!extra || extra(*job))) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  }

  ManualClock clock_{5'000'000};
  ops::Metrics metrics_;
  std::unique_ptr<JobQueue> queue_;
};

TEST_P(WorkerPoolTest, RunsJobsThroughTheRunnerOfTheirPlugin) {
  FunctionRunner jira([](const storage::Job&) { return JobOutcome::done(); });
  FunctionRunner host([](const storage::Job&) { return JobOutcome::done(); });
  WorkerPool pool(*queue_, metrics_, 2);
  pool.registerRunner("jira_server", jira);
  pool.registerRunner("", host);
  pool.start();
  const int64_t a = enqueue("jira_server");
  const int64_t b = enqueue("");
  EXPECT_TRUE(waitFor(a, JobState::Done));
  EXPECT_TRUE(waitFor(b, JobState::Done));
  pool.stop();
  EXPECT_EQ(jira.calls.load(), 1);
  EXPECT_EQ(host.calls.load(), 1);
  EXPECT_EQ(metrics_.value("ih_jobs_processed_total", {{"outcome", "done"}}), 2);
}

TEST_P(WorkerPoolTest, ExceptionsBecomeRetriesWithTheMessage) {
  FunctionRunner failing([](const storage::Job&) -> JobOutcome { throw std::runtime_error("connection reset"); });
  WorkerPool pool(*queue_, metrics_, 1);
  pool.registerRunner("jira_server", failing);
  pool.start();
  const int64_t id = enqueue("jira_server");
  EXPECT_TRUE(waitFor(id, JobState::Pending, [](const storage::Job& job) { return job.attempts == 1; }));
  pool.stop();
  const auto job = queue_->find(id);
  EXPECT_EQ(job->lastError, "connection reset");
  EXPECT_GT(job->runAt, clock_.nowMs());  // backed off, not busy-looping
  EXPECT_EQ(metrics_.value("ih_jobs_processed_total", {{"outcome", "retry"}}), 1);
}

// Another host sharing the queue may have the plugin this one lacks: the job
// comes back after 30 s for whoever can run it, its attempts counted, and is
// dead only once they are spent.
TEST_P(WorkerPoolTest, AJobWhosePluginThisHostLacksWaitsForAHostThatHasIt) {
  WorkerPool pool(*queue_, metrics_, 1);
  pool.start();
  const int64_t id = enqueue("nobody", 2);
  EXPECT_TRUE(waitFor(id, JobState::Pending, [](const storage::Job& job) { return job.attempts == 1; }));
  EXPECT_EQ(queue_->find(id)->runAt, clock_.nowMs() + 30'000);
  EXPECT_EQ(queue_->find(id)->lastError, "no runner for plugin 'nobody' on this host");
  clock_.advance(30'000);
  queue_->wake();
  EXPECT_TRUE(waitFor(id, JobState::Dead));
  pool.stop();
  EXPECT_EQ(metrics_.value("ih_jobs_processed_total", {{"outcome", "retry"}}), 1);
  EXPECT_EQ(metrics_.value("ih_jobs_processed_total", {{"outcome", "dead"}}), 1);
}

TEST_P(WorkerPoolTest, DeadOutcomesAndExhaustedRetriesCountAsDead) {
  FunctionRunner runner([](const storage::Job& job) {
    return job.kind == "ihp.event" ? JobOutcome::retry("still failing", 0) : JobOutcome::dead("bad config");
  });
  WorkerPool pool(*queue_, metrics_, 1);
  pool.registerRunner("jira_server", runner);
  pool.start();
  const int64_t lastTry = enqueue("jira_server", 1);
  EXPECT_TRUE(waitFor(lastTry, JobState::Dead));
  auto uow = db().begin();
  const int64_t permanent = queue_->enqueue(*uow, jobRequest("jira_server", "other"));
  uow->commit();
  EXPECT_TRUE(waitFor(permanent, JobState::Dead));
  pool.stop();
  EXPECT_EQ(queue_->find(permanent)->lastError, "bad config");
  EXPECT_EQ(metrics_.value("ih_jobs_processed_total", {{"outcome", "dead"}}), 2);
  EXPECT_EQ(metrics_.value("ih_jobs_processed_total", {{"outcome", "retry"}}), 0);
  const std::string text = metrics_.renderPrometheus();
  EXPECT_NE(text.find("ih_jobs_dead 2\n"), std::string::npos) << text;
  EXPECT_NE(text.find("ih_jobs_queue_depth 0\n"), std::string::npos) << text;
}

TEST_P(WorkerPoolTest, StopWaitsForTheRunningJobAndClaimsNothingNew) {
  std::mutex mutex;
  std::condition_variable released;
  bool release = false;
  std::atomic<bool> started{false};
  FunctionRunner slow([&](const storage::Job&) {
    started = true;
    std::unique_lock lock(mutex);
    released.wait(lock, [&] { return release; });
    return JobOutcome::done();
  });
  WorkerPool pool(*queue_, metrics_, 1);
  pool.registerRunner("jira_server", slow);
  pool.start();
  const int64_t inFlight = enqueue("jira_server");
  ASSERT_TRUE(ih::testing::eventually([&] { return started.load(); }));
  const int64_t queued = enqueue("jira_server");
  std::atomic<bool> stopped{false};
  std::atomic<int> stopperThread{0};
  std::thread stopper([&] {
    stopperThread = ih::testing::currentThreadId();
    pool.stop();
    stopped = true;
  });
  // Seen waiting (in stop()), and not through: draining waits for the running job.
  EXPECT_TRUE(ih::testing::waitUntilBlocked(stopperThread));
  EXPECT_FALSE(stopped.load());
  {
    std::lock_guard lock(mutex);
    release = true;
  }
  released.notify_all();
  stopper.join();
  EXPECT_EQ(queue_->find(inFlight)->state, JobState::Done);
  EXPECT_EQ(queue_->find(queued)->state, JobState::Pending);  // not claimed after stop
  EXPECT_EQ(slow.calls.load(), 1);
}

// A host cut off past its lease may re-claim the job while its stale attempt
// still runs here. When the stale attempt ends, the current one's lease must
// still be renewed: otherwise it expires and a third attempt runs beside it.
TEST_P(WorkerPoolTest, AStaleAttemptEndingHereKeepsTheCurrentAttemptsLease) {
  queue_ = std::make_unique<JobQueue>(db(), clock_, RetryPolicy{3, 1000, 60'000}, 300);
  std::mutex mutex;
  std::condition_variable changed;
  int released = 0;  // attempts let through
  FunctionRunner held([&](const storage::Job& job) {
    std::unique_lock lock(mutex);
    changed.wait(lock, [&] { return released >= static_cast<int>(job.attempts); });
    return JobOutcome::done();
  });
  const auto release = [&](int attempt) {
    std::lock_guard lock(mutex);
    released = attempt;
    changed.notify_all();
  };
  WorkerPool pool(*queue_, metrics_, 2);
  pool.registerRunner("jira_server", held);
  pool.start();
  const int64_t id = enqueue("jira_server");
  ASSERT_TRUE(ih::testing::eventually([&] { return held.calls.load() == 1; }));
  {  // another host's sweep, as if this one had been cut off past the lease
    auto uow = db().begin();
    storage::Query(*uow, "UPDATE jobs SET state = 'pending', owner = NULL, locked_until = NULL WHERE id = ?")
        .bind(id)
        .execute();
    uow->commit();
  }
  ASSERT_TRUE(ih::testing::eventually([&] { return held.calls.load() == 2; })) << "re-claimed here, attempt 2";
  release(1);                                                   // the stale attempt ends (its outcome is not recorded)
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the keeper's turns: every 100 ms
  clock_.advance(1000);                                         // past attempt 2's lease unless renewed
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_EQ(held.calls.load(), 2) << "no third attempt";
  const auto job = queue_->find(id);
  EXPECT_EQ(job->state, JobState::Running);
  EXPECT_EQ(job->attempts, 2u);
  release(2);
  EXPECT_TRUE(waitFor(id, JobState::Done));
  pool.stop();
}

TEST_P(WorkerPoolTest, RunnersMustBeRegisteredBeforeStart) {
  FunctionRunner runner([](const storage::Job&) { return JobOutcome::done(); });
  WorkerPool pool(*queue_, metrics_, 1);
  pool.start();
  EXPECT_THROW(pool.registerRunner("late", runner), std::logic_error);
  pool.stop();
}

IH_INSTANTIATE_BACKENDS(WorkerPoolTest);

}  // namespace
}  // namespace ih::host::jobs
