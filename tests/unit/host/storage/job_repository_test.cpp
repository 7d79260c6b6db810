// Job rows: claim candidates respect run_at and ordering keys; conditional
// state flips.
#include "storage/job_repository.h"

#include <gtest/gtest.h>

#include "support/backend.h"

namespace ih::host::storage {
namespace {

class JobRepositoryTest : public ih::test::BackendTest {
 protected:
  int64_t add(UnitOfWork& uow, std::optional<std::string> key, int64_t runAt, JobState state = JobState::Pending) {
    Job job;
    job.pluginKey = "jira_server";
    job.kind = "ihp.event";
    job.orderingKey = std::move(key);
    job.state = state;
    job.maxAttempts = 3;
    job.runAt = runAt;
    job.createdAt = 1;
    job.updatedAt = 1;
    return JobRepository(uow).insert(job);
  }
};

TEST_P(JobRepositoryTest, CandidateIsTheLowestDueIdWhoseKeyIsFree) {
  auto uow = db().begin();
  JobRepository jobs(*uow);
  const int64_t future = add(*uow, std::nullopt, 1000);
  const int64_t keyedFirst = add(*uow, "k", 10);
  const int64_t keyedSecond = add(*uow, "k", 10);
  const int64_t free = add(*uow, std::nullopt, 10);
  EXPECT_EQ(jobs.nextClaimable(100)->id, keyedFirst);
  ASSERT_TRUE(jobs.markRunning(keyedFirst, 100));
  EXPECT_FALSE(jobs.markRunning(keyedFirst, 100));  // only one claimer wins
  // keyedSecond waits for keyedFirst (running); `free` may go.
  EXPECT_EQ(jobs.nextClaimable(100)->id, free);
  ASSERT_TRUE(jobs.markRunning(free, 100));
  EXPECT_FALSE(jobs.nextClaimable(100));
  jobs.markDone(keyedFirst, 110);
  EXPECT_EQ(jobs.nextClaimable(120)->id, keyedSecond);
  EXPECT_EQ(jobs.nextClaimable(1000)->id, future);
  const auto running = jobs.findById(keyedFirst);
  EXPECT_EQ(running->attempts, 1u);
  EXPECT_EQ(running->state, JobState::Done);
}

TEST_P(JobRepositoryTest, DeadAndDoneJobsDoNotBlockTheirKey) {
  auto uow = db().begin();
  JobRepository jobs(*uow);
  add(*uow, "k", 10, JobState::Dead);
  add(*uow, "k", 10, JobState::Done);
  const int64_t next = add(*uow, "k", 10);
  EXPECT_EQ(jobs.nextClaimable(10)->id, next);
}

TEST_P(JobRepositoryTest, RescheduleDeadRequeueCountAndList) {
  auto uow = db().begin();
  JobRepository jobs(*uow);
  const int64_t a = add(*uow, std::nullopt, 10);
  const int64_t b = add(*uow, std::nullopt, 10);
  jobs.markRunning(a, 10);
  jobs.markRunning(b, 10);
  jobs.reschedule(a, 500, "HTTP 503", 20);
  auto retried = jobs.findById(a);
  EXPECT_EQ(retried->state, JobState::Pending);
  EXPECT_EQ(retried->runAt, 500);
  EXPECT_EQ(retried->lastError, "HTTP 503");
  EXPECT_EQ(jobs.countInState(JobState::Running), 1u);
  EXPECT_EQ(jobs.requeueRunning(30), 1u);
  EXPECT_EQ(jobs.countInState(JobState::Pending), 2u);
  jobs.markDead(b, "permanent", 40);
  EXPECT_EQ(jobs.countInState(JobState::Dead), 1u);
  const auto dead = jobs.list(std::nullopt, JobState::Dead, 10);
  ASSERT_EQ(dead.size(), 1u);
  EXPECT_EQ(dead[0].lastError, "permanent");
  const auto all = jobs.list(std::nullopt, std::nullopt, 10);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, b);  // newest first
  EXPECT_EQ(jobs.list(std::nullopt, std::nullopt, 1).size(), 1u);
}

IH_INSTANTIATE_BACKENDS(JobRepositoryTest);

}  // namespace
}  // namespace ih::host::storage
