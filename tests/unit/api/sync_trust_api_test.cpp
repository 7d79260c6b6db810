// Sync you can trust, at the API: dead jobs are retried (202, pending again
// with the same id) or discarded (204, never run) by owners only, and
// another organization's job is 404 for both; the issue's sync log is
// readable by members, newest first, in the contract's shape; the audit log
// (owners) records plugin switches, member changes and job decisions with
// the actor.
#include <gtest/gtest.h>

#include <string>

#include "api_test_host.h"
#include "domain/sync_log.h"
#include "jobs/job_queue.h"
#include "storage/query.h"

namespace ih::test {
namespace {

namespace json = ihp::sdk::json;

class SyncTrustApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    acme = host.seedAcme();
    host.createOrganization("beta");
  }

  int64_t orgId(const std::string& slug) {
    ApiReply org = host.get("/api/0/organizations/" + slug + "/");
    return std::stoll(org.str("id"));
  }

  // A dead job of the organization.
  int64_t deadJob(const std::string& slug) {
    host::jobs::JobRequest request;
    request.pluginKey = "api_test";
    request.kind = "api_test.noop";
    request.organizationId = orgId(slug);
    request.orderingKey = "external-issue:1:OPS-1";
    request.delayMs = 3'600'000;  // not claimed by anyone while the test looks at it
    int64_t id = 0;
    core().inTransaction([&](auto& uow) { id = core().jobs().enqueue(uow, request); });
    // Dead-lettering goes through a claim, which a delayed job never gets:
    // the row is set dead as a worker's last attempt would leave it.
    core().inTransaction([&](auto& uow) {
      uow.beginWrite();
      host::storage::Query(uow, "UPDATE jobs SET state = 'dead', last_error = ? WHERE id = ?")
          .bind(std::string("permanent failure: Jira answered 400"))
          .bind(id)
          .execute();
    });
    return id;
  }

  std::string jobsPath(const std::string& slug) { return "/api/0/organizations/" + slug + "/jobs/"; }
  HostFixture& core() { return host.core(); }

  ApiTestHost host;
  ApiTestHost::Acme acme;
};

TEST_F(SyncTrustApiTest, AnOwnerRetriesADeadJobWhichIsPendingAgainWithItsId) {
  const int64_t id = deadJob("acme");
  ApiReply dead = host.get(jobsPath("acme") + "?state=dead", acme.ownerToken);
  ASSERT_EQ(dead.status, 200) << dead.describe();
  ASSERT_EQ(dead.json.Size(), 1u);
  EXPECT_EQ(json::stringOr(dead.json[0], "id"), std::to_string(id));

  ApiReply retried = host.post(jobsPath("acme") + std::to_string(id) + "/retry/", "", acme.ownerToken);
  EXPECT_EQ(retried.status, 202) << retried.describe();
  const auto job = core().jobs().find(id);
  ASSERT_TRUE(job);
  EXPECT_EQ(job->state, host::storage::JobState::Pending);
  EXPECT_EQ(job->attempts, 0u);
  EXPECT_EQ(host.get(jobsPath("acme") + "?state=dead", acme.ownerToken).json.Size(), 0u);
  // Only a dead job can be retried: the second time there is none.
  EXPECT_EQ(host.post(jobsPath("acme") + std::to_string(id) + "/retry/", "", acme.ownerToken).status, 404);
}

TEST_F(SyncTrustApiTest, AnOwnerDiscardsADeadJobForGood) {
  const int64_t id = deadJob("acme");
  ApiReply discarded = host.call("DELETE", jobsPath("acme") + std::to_string(id) + "/", acme.ownerToken.c_str());
  EXPECT_EQ(discarded.status, 204) << discarded.describe();
  const auto job = core().jobs().find(id);
  ASSERT_TRUE(job);
  EXPECT_EQ(job->state, host::storage::JobState::Done);
  EXPECT_NE(job->lastError.value_or("").find("discarded by user " + acme.ownerId), std::string::npos);
}

TEST_F(SyncTrustApiTest, MembersAndOtherOrganizationsCannotTouchAJob) {
  const int64_t betaJob = deadJob("beta");
  const std::string path = jobsPath("acme") + std::to_string(betaJob) + "/";
  EXPECT_EQ(host.post(path + "retry/", "", acme.ownerToken).status, 404);
  EXPECT_EQ(host.call("DELETE", path, acme.ownerToken.c_str()).status, 404);
  const int64_t acmeJob = deadJob("acme");
  const std::string own = jobsPath("acme") + std::to_string(acmeJob) + "/";
  EXPECT_EQ(host.post(own + "retry/", "", acme.memberToken).status, 403);
  EXPECT_EQ(host.call("DELETE", own, acme.memberToken.c_str()).status, 403);
  EXPECT_EQ(core().jobs().find(betaJob)->state, host::storage::JobState::Dead);
  EXPECT_EQ(core().jobs().find(acmeJob)->state, host::storage::JobState::Dead);
}

TEST_F(SyncTrustApiTest, MembersReadTheIssuesSyncLogNewestFirst) {
  const int64_t acmeId = orgId("acme");
  const int64_t issueId = std::stoll(acme.issueId);
  core().inTransaction([&](auto& uow) {
    host::domain::SyncLog log(core().clock());
    log.write(uow, acmeId, issueId,
              {0, "OPS-1", host::domain::SyncDirection::Inbound, "assignee", host::domain::SyncOutcome::Skipped,
               "Jira's email for jdoe is hidden and no user mapping exists"});
    log.write(uow, acmeId, issueId,
              {0, "OPS-1", host::domain::SyncDirection::Outbound, "status", host::domain::SyncOutcome::Applied,
               "moved to status 10001 with transition 31"});
  });
  const std::string path = "/api/0/organizations/acme/issues/" + acme.issueId + "/sync-log/";
  ApiReply log = host.get(path, acme.memberToken);
  ASSERT_EQ(log.status, 200) << log.describe();
  ASSERT_EQ(log.json.Size(), 2u);
  const auto& newest = log.json[0];
  EXPECT_EQ(json::stringOr(newest, "direction"), "outbound");
  EXPECT_EQ(json::stringOr(newest, "kind"), "status");
  EXPECT_EQ(json::stringOr(newest, "externalIssue"), "OPS-1");
  EXPECT_EQ(json::stringOr(newest, "outcome"), "applied");
  EXPECT_FALSE(json::stringOr(newest, "dateCreated").empty());
  EXPECT_EQ(json::stringOr(log.json[1], "detail"), "skipped: Jira's email for jdoe is hidden and no user mapping exists");
  // Another organization's member sees nothing of it.
  EXPECT_EQ(host.get("/api/0/organizations/beta/issues/" + acme.issueId + "/sync-log/").status, 404);
}

TEST_F(SyncTrustApiTest, TheAuditLogRecordsWhoDidWhatForOwnersOnly) {
  host.enablePlugin("acme", "api_test", false);  // off already: no change, no entry
  host.enablePlugin("acme", "api_test", true);
  const int64_t id = deadJob("acme");
  ASSERT_EQ(host.post(jobsPath("acme") + std::to_string(id) + "/retry/", "", acme.ownerToken).status, 202);

  EXPECT_EQ(host.get("/api/0/organizations/acme/audit-log/", acme.memberToken).status, 403);
  ApiReply audit = host.get("/api/0/organizations/acme/audit-log/", acme.ownerToken);
  ASSERT_EQ(audit.status, 200) << audit.describe();
  ASSERT_GE(audit.json.Size(), 2u);
  const auto& newest = audit.json[0];
  EXPECT_EQ(json::stringOr(newest, "event"), "job.retried");
  EXPECT_EQ(json::stringOr(newest, "targetType"), "job");
  EXPECT_EQ(json::stringOr(newest, "targetId"), std::to_string(id));
  EXPECT_EQ(json::stringOr(newest["actor"], "type"), "user");
  EXPECT_EQ(json::stringOr(newest["actor"], "id"), acme.ownerId);
  EXPECT_EQ(json::stringOr(audit.json[1], "event"), "plugin.enabled");
  EXPECT_EQ(json::stringOr(audit.json[1]["actor"], "type"), "superuser");
  EXPECT_EQ(audit.body.find("admin-secret-token"), std::string::npos);

  // The cursor pages past an entry's id; anything but an id is a 400.
  const std::string newestId = json::stringOr(newest, "id");
  ApiReply older = host.get("/api/0/organizations/acme/audit-log/?cursor=" + newestId, acme.ownerToken);
  ASSERT_EQ(older.status, 200) << older.describe();
  ASSERT_GE(older.json.Size(), 1u);
  EXPECT_EQ(json::stringOr(older.json[0], "event"), "plugin.enabled");
  for (const char* bad : {"%2B5", "+5", "%205", "5abc", "-1", "0"}) {
    EXPECT_EQ(host.get(std::string("/api/0/organizations/acme/audit-log/?cursor=") + bad, acme.ownerToken).status, 400)
        << bad;
  }
}

}  // namespace
}  // namespace ih::test
