// Job rows: claim candidates respect run_at and ordering keys; conditional
// state flips; unfinished host events found by type; the claim's plan.
#include "storage/job_repository.h"

#include <gtest/gtest.h>

#include "storage/query.h"
#include "support/backend.h"
#include "support/query_plan.h"

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
  // A host event job ("ihp.event" with an event type) of an organization.
  int64_t addEvent(UnitOfWork& uow, const std::string& key, int64_t organizationId, int32_t eventType) {
    Job job;
    job.pluginKey = "jira_server";
    job.kind = "ihp.event";
    job.orderingKey = key;
    job.organizationId = organizationId;
    job.eventType = eventType;
    job.maxAttempts = 3;
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
  const auto claimed = jobs.claim("host-a", 100, 200);
  ASSERT_TRUE(claimed);
  EXPECT_EQ(claimed->id, keyedFirst);
  EXPECT_EQ(claimed->state, JobState::Running);
  EXPECT_EQ(claimed->owner, "host-a");
  EXPECT_EQ(claimed->lockedUntil, 200);
  // keyedSecond waits for keyedFirst (running); `free` may go.
  EXPECT_EQ(jobs.nextClaimable(100)->id, free);
  ASSERT_EQ(jobs.claim("host-b", 100, 200)->id, free);
  EXPECT_FALSE(jobs.nextClaimable(100));
  EXPECT_FALSE(jobs.claim("host-b", 100, 200));
  EXPECT_FALSE(jobs.markDone({keyedFirst, "host-b", 1}, 110)) << "another owner's claim";
  EXPECT_FALSE(jobs.markDone({keyedFirst, "host-a", 2}, 110)) << "another attempt";
  EXPECT_TRUE(jobs.markDone({keyedFirst, "host-a", 1}, 110));
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

// A dead job an owner revives runs in its place among the jobs of its key
// that wait, never beside one that runs, and never after a later change of
// the same kind (which it would undo).
TEST_P(JobRepositoryTest, ARevivedJobNeverRunsBesideOrAfterALaterChangeOfItsKind) {
  auto uow = db().begin();
  JobRepository jobs(*uow);
  const int64_t assignment = addEvent(*uow, "k", 1, 1);
  const int64_t comment = addEvent(*uow, "k", 1, 3);
  ASSERT_EQ(jobs.claim("host", 10, 100)->id, assignment);
  ASSERT_TRUE(jobs.markDead({assignment, "host", 1}, "permanent", 11));
  ASSERT_EQ(jobs.claim("host", 12, 100)->id, comment);

  EXPECT_EQ(jobs.reviveDead(assignment, 2, 13), ReviveResult::NotDead) << "another organization's";
  EXPECT_EQ(jobs.reviveDead(assignment, 1, 13), ReviveResult::Revived) << "the later job is of another kind";
  EXPECT_FALSE(jobs.claim("host", 14, 100)) << "not beside the running comment";
  ASSERT_TRUE(jobs.markDone({comment, "host", 1}, 15));
  ASSERT_EQ(jobs.claim("host", 16, 100)->id, assignment);
  ASSERT_TRUE(jobs.markDead({assignment, "host", 1}, "permanent again", 17));

  const int64_t newerAssignment = addEvent(*uow, "k", 1, 1);
  EXPECT_EQ(jobs.reviveDead(assignment, 1, 18), ReviveResult::Revived) << "the newer one only waits";
  EXPECT_EQ(jobs.claim("host", 19, 100)->id, assignment) << "it keeps its place before the newer one";
  ASSERT_TRUE(jobs.markDead({assignment, "host", 1}, "permanent", 20));
  ASSERT_EQ(jobs.claim("host", 21, 100)->id, newerAssignment);
  EXPECT_EQ(jobs.reviveDead(assignment, 1, 22), ReviveResult::Superseded) << "the newer one runs";
  ASSERT_TRUE(jobs.markDone({newerAssignment, "host", 1}, 23));
  EXPECT_EQ(jobs.reviveDead(assignment, 1, 24), ReviveResult::Superseded) << "the newer one has run";
  EXPECT_EQ(jobs.findById(assignment)->state, JobState::Dead);
  EXPECT_EQ(jobs.reviveDead(newerAssignment, 1, 25), ReviveResult::NotDead);
}

TEST_P(JobRepositoryTest, RescheduleDeadRequeueCountAndList) {
  auto uow = db().begin();
  JobRepository jobs(*uow);
  const int64_t a = add(*uow, std::nullopt, 10);
  const int64_t b = add(*uow, std::nullopt, 10);
  ASSERT_EQ(jobs.claim("host", 10, 25)->id, a);
  ASSERT_EQ(jobs.claim("host", 10, 25)->id, b);
  EXPECT_TRUE(jobs.reschedule({a, "host", 1}, 500, "HTTP 503", 20));
  auto retried = jobs.findById(a);
  EXPECT_EQ(retried->state, JobState::Pending);
  EXPECT_EQ(retried->runAt, 500);
  EXPECT_EQ(retried->lastError, "HTTP 503");
  EXPECT_FALSE(retried->owner);
  EXPECT_EQ(jobs.countInState(JobState::Running), 1u);
  EXPECT_EQ(jobs.requeueExpired(25), 0u) << "b's lease lasts until 25";
  EXPECT_EQ(jobs.renewLeases("host", {a, b}, 35), 1u) << "a is no longer running";
  EXPECT_EQ(jobs.requeueExpired(30), 0u);
  EXPECT_EQ(jobs.requeueExpired(36), 1u);
  EXPECT_EQ(jobs.countInState(JobState::Pending), 2u);
  EXPECT_FALSE(jobs.markDead({b, "host", 1}, "permanent", 40)) << "b's attempt 1 was re-queued";
  ASSERT_EQ(jobs.claim("host", 700, 800)->id, a);
  ASSERT_EQ(jobs.claim("host", 700, 800)->id, b);
  EXPECT_TRUE(jobs.markDead({b, "host", 2}, "permanent", 40));
  EXPECT_EQ(jobs.countInState(JobState::Dead), 1u);
  const auto dead = jobs.list(std::nullopt, JobState::Dead, 10);
  ASSERT_EQ(dead.size(), 1u);
  EXPECT_EQ(dead[0].lastError, "permanent");
  const auto all = jobs.list(std::nullopt, std::nullopt, 10);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, b);  // newest first
  EXPECT_EQ(jobs.list(std::nullopt, std::nullopt, 1).size(), 1u);
}

TEST_P(JobRepositoryTest, UnfinishedEventsAreFoundByKeyTypeAndOrganization) {
  auto uow = db().begin();
  JobRepository jobs(*uow);
  const int64_t assignment = addEvent(*uow, "k", 1, 1);
  const int64_t statusChange = addEvent(*uow, "k", 1, 2);
  addEvent(*uow, "k", 2, 2);                 // another organization's status change
  const int64_t pluginJob = add(*uow, "k", 10);  // no event type
  EXPECT_EQ(jobs.findById(assignment)->eventType, 1);
  EXPECT_FALSE(jobs.findById(pluginJob)->eventType);

  EXPECT_TRUE(jobs.hasUnfinishedEvent("k", 1, 1, std::nullopt));
  EXPECT_FALSE(jobs.hasUnfinishedEvent("k", 1, 1, assignment)) << "the asking job does not count";
  EXPECT_FALSE(jobs.hasUnfinishedEvent("other-key", 1, 1, std::nullopt));
  EXPECT_FALSE(jobs.hasUnfinishedEvent("k", 3, 2, std::nullopt));
  EXPECT_FALSE(jobs.hasUnfinishedEvent("k", 1, 3, std::nullopt));

  ASSERT_EQ(jobs.claim("host", 20, 100)->id, assignment);
  EXPECT_TRUE(jobs.hasUnfinishedEvent("k", 1, 1, std::nullopt)) << "running is unfinished";
  jobs.markDone({assignment, "host", 1}, 30);
  EXPECT_FALSE(jobs.hasUnfinishedEvent("k", 1, 1, std::nullopt));
  EXPECT_TRUE(jobs.hasUnfinishedEvent("k", 1, 2, std::nullopt));
  ASSERT_EQ(jobs.claim("host", 40, 100)->id, statusChange);
  jobs.markDead({statusChange, "host", 1}, "permanent", 40);
  EXPECT_FALSE(jobs.hasUnfinishedEvent("k", 1, 2, std::nullopt)) << "a dead-lettered change is not pending";
  EXPECT_TRUE(jobs.hasUnfinishedEvent("k", 2, 2, std::nullopt));
}

// A job the memo does not know of: a copy of `id` carrying `eventType`.
void copyBehindTheMemo(UnitOfWork& uow, int64_t id, int32_t eventType) {
  Query(uow,
        "INSERT INTO jobs (plugin_key, kind, payload, ordering_key, organization_id, integration_id, state, attempts,"
        " max_attempts, run_at, created_at, updated_at, event_type) SELECT plugin_key, kind, payload, ordering_key,"
        " organization_id, integration_id, state, attempts, max_attempts, run_at, created_at, updated_at, ?"
        " FROM jobs WHERE id = ?")
      .bind(static_cast<int64_t>(eventType))
      .bind(id)
      .execute();
}

// The answers tell which questions went to the database: the copy made
// behind the memo is seen only once the memo is forgotten.
TEST_P(JobRepositoryTest, AKeysUnfinishedJobsAreReadOncePerTransaction) {
  auto uow = db().begin();
  JobRepository jobs(*uow);
  const int64_t assignment = addEvent(*uow, "k", 1, 1);
  EXPECT_FALSE(jobs.hasUnfinishedEvent("k", 1, 2, std::nullopt));
  copyBehindTheMemo(*uow, assignment, 2);
  EXPECT_FALSE(jobs.hasUnfinishedEvent("k", 1, 2, std::nullopt)) << "kept";
  EXPECT_FALSE(jobs.hasUnfinished("k", assignment)) << "kept";
  // Taking a new row lock forgets it: what is read after a lock is the latest.
  EXPECT_TRUE(uow->noteLockTaken("ticket k"));
  EXPECT_TRUE(jobs.hasUnfinishedEvent("k", 1, 2, std::nullopt));
  EXPECT_TRUE(jobs.hasUnfinished("k", assignment));
  // So does a write to jobs through the repository.
  copyBehindTheMemo(*uow, assignment, 3);
  EXPECT_FALSE(jobs.hasUnfinishedEvent("k", 1, 3, std::nullopt)) << "kept";
  addEvent(*uow, "other-key", 1, 1);
  EXPECT_TRUE(jobs.hasUnfinishedEvent("k", 1, 3, std::nullopt));
  // And the transaction's end; outside one every question is asked.
  uow->commit();
  EXPECT_TRUE(jobs.hasUnfinishedEvent("k", 1, 3, std::nullopt));
  Query(*uow, "UPDATE jobs SET state = 'done' WHERE ordering_key = 'k' AND event_type = 3").execute();
  EXPECT_FALSE(jobs.hasUnfinishedEvent("k", 1, 3, std::nullopt));
}

// More unfinished jobs than are kept: the question about one event is asked.
TEST_P(JobRepositoryTest, AKeyWithManyUnfinishedJobsIsStillAskedAboutEachEvent) {
  auto uow = db().begin();
  JobRepository jobs(*uow);
  int64_t first = 0;
  for (int i = 0; i < 40; ++i) {
    const int64_t id = addEvent(*uow, "k", 1, 1);
    if (i == 0) first = id;
  }
  addEvent(*uow, "k", 1, 2);
  EXPECT_TRUE(jobs.hasUnfinished("k", first));
  EXPECT_TRUE(jobs.hasUnfinishedEvent("k", 1, 2, std::nullopt));
  EXPECT_FALSE(jobs.hasUnfinishedEvent("k", 2, 2, std::nullopt));
  EXPECT_FALSE(jobs.hasUnfinishedEvent("k", 1, 3, std::nullopt));
}

// The claim never sorts or reads the whole backlog: it walks the pending jobs
// in id order (jobs_by_state) and stops at the first claimable one, and the
// per-key probe seeks only the key's unfinished jobs.
TEST_P(JobRepositoryTest, ClaimPlanWalksPendingJobsInIdOrderWithoutASort) {
  auto uow = db().begin();
  if (isPostgres()) {
    // PostgreSQL plans by statistics: give it a backlog worth planning for.
    for (int i = 0; i < 2000; ++i) add(*uow, "ticket-" + std::to_string(i % 200), 10, i % 2 ? JobState::Pending : JobState::Done);
    uow->commit();
    uow = db().begin();
    Query(*uow, "ANALYZE jobs").execute();
  }
  const auto plan = ih::test::queryPlan(*uow, JobRepository::nextClaimableSql(), isPostgres());
  const std::string text = ih::test::planText(plan);
  EXPECT_NE(text.find("jobs_by_state"), std::string::npos) << text;
  EXPECT_NE(text.find("jobs_by_ordering_key_state"), std::string::npos) << text;
  if (isPostgres()) {
    EXPECT_EQ(text.find("Sort"), std::string::npos) << text;
    EXPECT_EQ(text.find("Seq Scan"), std::string::npos) << text;
  } else {
    EXPECT_EQ(text.find("TEMP B-TREE"), std::string::npos) << "no sort of the pending jobs\n" << text;
    for (const auto& step : plan) EXPECT_NE(step.rfind("SCAN ", 0), 0u) << "no full scan\n" << text;
  }
}

// Inbound sync asks this for every delivery, so it must seek the key's
// unfinished jobs and never walk the organization's whole job history.
TEST_P(JobRepositoryTest, UnfinishedEventPlanSeeksTheKeysUnfinishedJobsOnly) {
  auto uow = db().begin();
  // A history worth planning for: many done jobs of one organization.
  for (int i = 0; i < 2000; ++i) addEvent(*uow, "ticket-" + std::to_string(i % 200), 1, 1 + i % 2);
  Query(*uow, "UPDATE jobs SET state = 'done'").execute();
  uow->commit();
  uow = db().begin();
  if (isPostgres()) Query(*uow, "ANALYZE jobs").execute();
  for (const std::string& sql : {JobRepository::unfinishedEventSql(), JobRepository::unfinishedOfKeySql()}) {
    const auto plan = ih::test::queryPlan(*uow, sql, isPostgres());
    const std::string text = ih::test::planText(plan);
    EXPECT_EQ(text.find("jobs_by_organization"), std::string::npos) << text;
    if (isPostgres()) {
      // By its statistics it may seek the unfinished jobs of every key
      // (jobs_by_state) instead; either way done jobs are never read.
      EXPECT_EQ(text.find("Seq Scan"), std::string::npos) << text;
    } else {
      EXPECT_NE(text.find("jobs_by_ordering_key_state"), std::string::npos) << text;
    }
  }
}

IH_INSTANTIATE_BACKENDS(JobRepositoryTest);

}  // namespace
}  // namespace ih::host::storage
