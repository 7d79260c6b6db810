// InboundSync: the assignee and status rules of Sentry's inbound sync,
// across organizations, with watermarks and the loop guard.
#include <gtest/gtest.h>

#include <thread>

#include "ihp/sdk/json.hpp"
#include "storage/query.h"
#include "support/domain_fixture.h"
#include "support/eventually.h"
#include "support/job_requests.h"

namespace ih::host::domain {
namespace {

namespace json = ihp::sdk::json;
using storage::IssueStatus;

constexpr const char* kReverseOn = R"({"sync_reverse_assignment":true})";

class InboundSyncTest : public ih::test::DomainTest {
 protected:
  void SetUp() override {
    DomainTest::SetUp();
    if (IsSkipped()) return;
    // acme: alice on team core, which has project api; issue linked to OPS-1.
    acme_ = makeOrg("acme");
    alice_ = makeUser("alice@example.test");
    makeTeam(acme_.id, "core", {alice_.id});
    acmeProject_ = makeProject(acme_.id, "api", {"core"});
    acmeIssue_ = makeIssue(acme_.id, acmeProject_.id);
    jira_ = installIntegration(acme_.id, "jira-1", kReverseOn).integration;
    linkTicket(acme_.id, jira_.id, acmeIssue_.id, "OPS-1");
    // beta: the same Jira; carol has alice's address as a verified secondary.
    beta_ = makeOrg("beta");
    carol_ = makeUser("carol@beta.test", {{"Alice@Example.test", true}});
    makeTeam(beta_.id, "ops", {carol_.id});
    betaProject_ = makeProject(beta_.id, "web", {"ops"});
    betaIssue_ = makeIssue(beta_.id, betaProject_.id);
    installIntegration(beta_.id, "jira-1", kReverseOn);
    linkTicket(beta_.id, jira_.id, betaIssue_.id, "OPS-1");
  }

  AssigneeSyncResult syncAssignee(std::optional<std::string> email, int64_t eventTime = 0,
                                  const std::string& key = "OPS-1") {
    return inTransaction([&](auto& uow) {
      AssigneeSyncRequest request{jira_.id, "jira_server", key, email.has_value(), email, std::nullopt, std::nullopt,
                                  eventTime};
      return inbound_->syncAssignee(uow, request);
    });
  }
  StatusSyncResult syncStatus(int64_t organizationId, StatusAction action) {
    return inTransaction([&](auto& uow) {
      return inbound_->syncStatus(uow, StatusSyncRequest{jira_.id, "jira_server", organizationId, "OPS-1", action});
    });
  }
  void setConfig(int64_t organizationId, const std::string& config) {
    inTransaction([&](auto& uow) { integrations_->replaceConfig(uow, organizationId, jira_.id, config); });
  }
  void assignDirectly(const storage::Issue& issue, int64_t userId) {
    inTransaction([&](auto& uow) {
      issues_->assign(uow, issue.organizationId, issue.id, userId, ChangeSource::user(std::nullopt));
    });
  }

  storage::Organization acme_, beta_;
  storage::User alice_, carol_;
  storage::Project acmeProject_, betaProject_;
  storage::Issue acmeIssue_, betaIssue_;
  storage::Integration jira_;
};

// --- assignee --------------------------------------------------------------

TEST_P(InboundSyncTest, AssignReachesEveryOrganizationWithItsOwnUser) {
  const auto result = syncAssignee("ALICE@example.TEST");
  EXPECT_EQ(result.affected, 2);
  EXPECT_EQ(result.assigned, 2);
  EXPECT_EQ(result.userNotFound, 0);
  EXPECT_EQ(reload(acmeIssue_).assigneeUserId, alice_.id);
  EXPECT_EQ(reload(betaIssue_).assigneeUserId, carol_.id);
  const auto activity = activitiesOf(acmeIssue_).front();
  EXPECT_EQ(activity.type, "assigned");
  json::Document data;
  ASSERT_TRUE(json::parseObject(activity.dataJson, data));
  EXPECT_EQ(json::stringOr(data, "integrationId"), std::to_string(jira_.id));
  EXPECT_EQ(json::stringOr(data, "provider"), "jira_server");
  EXPECT_FALSE(activity.userId);
}

// Each round trip to PostgreSQL costs both processes a sleep and a wake-up,
// and a network crossing where the database runs on another machine. Counted
// as the host reports them (/metrics, Database::roundTrips), with the
// integration lookups cached as the host caches them.
TEST_P(InboundSyncTest, AnInboundAssignmentMakesARoundTripPerOrganizationAndOneForTheTicket) {
  if (!isPostgres()) GTEST_SKIP() << "SQLite runs in the process";
  LookupCache cache;
  IntegrationService integrations(clock_, secrets_, *jobs_, &cache);
  InboundSync inbound(*directory_, *issues_, integrations);
  auto uow = db().begin();
  uint64_t roundTrips = 0;
  const auto assign = [&](const std::string& email, int64_t eventTime) {
    const AssigneeSyncRequest request{jira_.id, "jira_server", "OPS-1", true, email, std::nullopt, std::nullopt,
                                      eventTime};
    const uint64_t before = db().roundTrips();
    const auto result = inbound.syncAssignee(*uow, request);
    roundTrips = db().roundTrips() - before;
    uow->commit();  // and the sync log entries with it
    return result;
  };
  ASSERT_EQ(assign("carol@beta.test", 1000).assigned, 1);  // prepares its statements on this connection
  const auto result = assign("alice@example.test", 2000);
  EXPECT_EQ(result.assigned, 1);    // acme: alice
  EXPECT_EQ(result.unchanged, 1);   // beta: carol already
  // 1: BEGIN, the ticket's locks, its unfinished jobs, its issues and marks
  //    (and that each issue's one link is the ticket: nowhere else to sync).
  // 2: acme's member by email.
  // 3: beta's member by email, with acme's issue update and activity.
  // The marks' advances are written at commit, both in one statement.
  EXPECT_EQ(roundTrips, 3u);
}

TEST_P(InboundSyncTest, OrganizationsWithSyncOffOrPluginDisabledAreLeftAlone) {
  setConfig(beta_.id, R"({"sync_reverse_assignment":false})");
  auto result = syncAssignee("alice@example.test");
  EXPECT_EQ(result.affected, 1);
  EXPECT_FALSE(reload(betaIssue_).assigneeUserId);

  setConfig(beta_.id, R"({"sync_reverse_assignment":1})");  // truthy
  setPluginEnabled(beta_.id, false);
  result = syncAssignee(std::nullopt);
  EXPECT_EQ(result.affected, 1);
  EXPECT_EQ(result.unassigned, 1);

  setPluginEnabled(beta_.id, true);
  setConfig(beta_.id, "{}");  // missing key: off
  EXPECT_EQ(syncAssignee("alice@example.test").affected, 1);
  EXPECT_FALSE(reload(betaIssue_).assigneeUserId);
}

TEST_P(InboundSyncTest, UnverifiedInactiveOrTeamlessUsersAreNotFoundAndNothingChanges) {
  const auto dave = makeUser("dave@example.test", {{"shared@example.test", false}});  // unverified
  const auto erin = makeUser("erin@example.test", {{"shared@example.test", true}});
  const auto frank = makeUser("frank@example.test", {{"shared@example.test", true}});
  makeTeam(acme_.id, "dave-team", {dave.id});
  inTransaction([&](auto& uow) {
    directory_->addTeamMember(uow, acme_.id, "core", dave.id);
    directory_->addMember(uow, acme_.id, erin.id, storage::Role::Member);
    directory_->addTeamMember(uow, acme_.id, "core", erin.id);
    directory_->setUserActive(uow, erin.id, false);                         // inactive
    directory_->addMember(uow, acme_.id, frank.id, storage::Role::Member);  // no team with the project
  });
  assignDirectly(acmeIssue_, alice_.id);
  const auto before = activitiesOf(acmeIssue_).size();
  const auto result = syncAssignee("shared@example.test");
  EXPECT_EQ(result.affected, 2);
  EXPECT_EQ(result.userNotFound, 2);
  EXPECT_EQ(result.assigned, 0);
  EXPECT_EQ(reload(acmeIssue_).assigneeUserId, alice_.id);  // not unassigned
  EXPECT_EQ(activitiesOf(acmeIssue_).size(), before);
  EXPECT_TRUE(pendingJobs().empty());
}

TEST_P(InboundSyncTest, TwoEligibleUsersWithOneEmailPickTheFirst) {
  const auto twin = makeUser("twin@example.test", {{"alice@example.test", true}});
  inTransaction([&](auto& uow) {
    directory_->addMember(uow, acme_.id, twin.id, storage::Role::Member);
    directory_->addTeamMember(uow, acme_.id, "core", twin.id);
  });
  ASSERT_LT(alice_.id, twin.id);
  EXPECT_EQ(syncAssignee("alice@example.test").assigned, 2);
  EXPECT_EQ(reload(acmeIssue_).assigneeUserId, alice_.id);
}

TEST_P(InboundSyncTest, ReassigningTheCurrentAssigneeIsUnchanged) {
  ASSERT_EQ(syncAssignee("alice@example.test").assigned, 2);
  const auto result = syncAssignee("alice@example.test");
  EXPECT_EQ(result.assigned, 0);
  EXPECT_EQ(result.unchanged, 2);
  EXPECT_EQ(activitiesOf(acmeIssue_).size(), 1u);
}

TEST_P(InboundSyncTest, UnassignClearsAssignedIssuesOnly) {
  assignDirectly(acmeIssue_, alice_.id);
  const auto result = syncAssignee(std::nullopt);
  EXPECT_EQ(result.affected, 2);
  EXPECT_EQ(result.unassigned, 1);
  EXPECT_EQ(result.unchanged, 1);
  EXPECT_FALSE(reload(acmeIssue_).assigneeUserId);
  EXPECT_EQ(activitiesOf(acmeIssue_).front().type, "unassigned");
  EXPECT_TRUE(activitiesOf(betaIssue_).empty());
}

TEST_P(InboundSyncTest, StaleEventsAreSkippedPerOrganization) {
  auto result = syncAssignee("alice@example.test", 200);
  EXPECT_EQ(result.assigned, 2);
  result = syncAssignee(std::nullopt, 150);  // older than the mark: dropped
  EXPECT_EQ(result.stale, 2);
  EXPECT_EQ(result.unassigned, 0);
  EXPECT_EQ(reload(acmeIssue_).assigneeUserId, alice_.id);
  result = syncAssignee("alice@example.test", 200);  // a duplicate delivery
  EXPECT_EQ(result.stale, 0);
  EXPECT_EQ(result.unchanged, 2);
  result = syncAssignee(std::nullopt, 0);  // no event time: no guard
  EXPECT_EQ(result.unassigned, 2);
  result = syncAssignee("alice@example.test", 201);
  EXPECT_EQ(result.assigned, 2);
}

TEST_P(InboundSyncTest, UnknownKeyAffectsNothing) {
  const auto result = syncAssignee("alice@example.test", 0, "OPS-404");
  EXPECT_EQ(result.affected, 0);
  EXPECT_EQ(result.assigned, 0);
}

TEST_P(InboundSyncTest, InboundChangesAreNotEchoedButReachOtherIntegrations) {
  setConfig(acme_.id, R"({"sync_reverse_assignment":true,"sync_forward_assignment":true})");
  const auto other = installIntegration(acme_.id, "jira-2", R"({"sync_forward_assignment":true})");
  linkTicket(acme_.id, other.integration.id, acmeIssue_.id, "SUP-1");
  ASSERT_EQ(syncAssignee("alice@example.test").assigned, 2);
  const auto jobs = pendingJobs();
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(jobs[0].integrationId, other.integration.id);
}

// --- the host's own pending changes come first ------------------------------

constexpr const char* kBothWaysAssignment = R"({"sync_reverse_assignment":true,"sync_forward_assignment":true})";
constexpr const char* kStatusForward = R"({"sync_status_forward":{"10000":{"on_resolve":"3","on_unresolve":"1"}}})";

// The outbound job the API's change enqueued, finished by a worker.
void finishJob(jobs::JobQueue& queue) {
  const auto job = queue.claimNext();
  ASSERT_TRUE(job);
  queue.complete(*job);
}

TEST_P(InboundSyncTest, AssigneeChangesWaitWhileTheHostsOwnAssignmentIsUnwritten) {
  setConfig(acme_.id, kBothWaysAssignment);
  assignDirectly(acmeIssue_, alice_.id);  // the user's change: an outbound job for acme
  ASSERT_EQ(pendingJobs().size(), 1u);

  // Jira's older news (the echo of an earlier write) arrives meanwhile.
  auto result = syncAssignee(std::nullopt, 300);
  EXPECT_EQ(result.stale, 1) << "acme: its own assignment is still to be written";
  EXPECT_EQ(result.unchanged, 1) << "beta has no change of its own pending";
  EXPECT_EQ(reload(acmeIssue_).assigneeUserId, alice_.id);
  result = syncAssignee(std::nullopt, 0);  // no event time: still skipped
  EXPECT_EQ(result.stale, 1);

  const auto running = jobs_->claimNext();  // a running job has not written yet either
  ASSERT_TRUE(running);
  EXPECT_EQ(syncAssignee(std::nullopt, 301).stale, 1);
  jobs_->complete(*running);
  result = syncAssignee(std::nullopt, 302);
  EXPECT_EQ(result.stale, 0);
  EXPECT_EQ(result.unassigned, 1);
  EXPECT_FALSE(reload(acmeIssue_).assigneeUserId);
}

// Two hosts on PostgreSQL: a user's unassignment is committing on one
// connection (its outbound job not yet visible) while Jira's echo of an
// earlier write is applied on another. The echo must wait for the user's
// transaction and then see its job; it once passed the check first and, once
// the row was free, overwrote the newer unassignment here while the job wrote
// it to Jira (the burst of 200 changes through two hosts lost some).
TEST_P(InboundSyncTest, AnEchoAppliedBesideTheUsersUncommittedChangeNeverOverwritesIt) {
  if (!isPostgres()) GTEST_SKIP() << "SQLite's single writer serialises the two transactions";
  setConfig(acme_.id, kBothWaysAssignment);
  assignDirectly(acmeIssue_, alice_.id);
  const auto written = jobs_->claimNext();
  ASSERT_TRUE(written);
  jobs_->complete(*written);  // alice is in Jira; nothing of acme's is pending

  auto userChange = db().begin();
  ASSERT_TRUE(issues_->assign(*userChange, acme_.id, acmeIssue_.id, std::nullopt, ChangeSource::user(std::nullopt)));
  AssigneeSyncResult echo;
  std::thread jiraEcho([&] { echo = syncAssignee("alice@example.test", 400); });
  // Commit only once the echo waits on a row the user's transaction holds.
  const bool echoWaits = ih::testing::eventually([&] {
    auto probe = db().begin();
    return storage::Query(*probe, "SELECT count(*) FROM pg_stat_activity"
                                  " WHERE datname = current_database() AND wait_event_type = 'Lock'")
               .scalarInt64() > 0;
  });
  userChange->commit();
  jiraEcho.join();
  ASSERT_TRUE(echoWaits) << "the echo never waited for the user's transaction";
  EXPECT_FALSE(reload(acmeIssue_).assigneeUserId) << "the user's newer unassignment stands";
  EXPECT_EQ(echo.stale, 1) << "acme: the echo saw the user's job once it could read the issue";
  EXPECT_EQ(reload(betaIssue_).assigneeUserId, carol_.id) << "beta had nothing of its own pending";
}

TEST_P(InboundSyncTest, OnlyTheHostsOwnChangeOfTheSameKindHoldsInboundBack) {
  setConfig(acme_.id, R"({"sync_reverse_assignment":true,"sync_status_forward":{"10000":{"on_resolve":"3"}}})");
  inTransaction([&](auto& uow) {
    issues_->setStatus(uow, acme_.id, acmeIssue_.id, IssueStatus::Resolved, ChangeSource::user(std::nullopt));
  });
  ASSERT_EQ(pendingJobs().size(), 1u);  // a status change, not an assignment
  EXPECT_EQ(syncAssignee("alice@example.test", 300).assigned, 2);
}

TEST_P(InboundSyncTest, StatusSyncWaitsWhileTheHostsOwnStatusChangeIsUnwritten) {
  setConfig(acme_.id, kStatusForward);
  inTransaction([&](auto& uow) {
    issues_->setStatus(uow, acme_.id, acmeIssue_.id, IssueStatus::Resolved, ChangeSource::user(std::nullopt));
  });
  auto result = syncStatus(acme_.id, StatusAction::Unresolve);
  EXPECT_EQ(result.affected, 1);
  EXPECT_EQ(result.stale, 1);
  EXPECT_EQ(result.changed, 0);
  EXPECT_EQ(reload(acmeIssue_).status, IssueStatus::Resolved);
  finishJob(*jobs_);
  result = syncStatus(acme_.id, StatusAction::Unresolve);
  EXPECT_EQ(result.stale, 0);
  EXPECT_EQ(result.changed, 1);
}

// A status applied where it arrives (IHP_STATUS_SYNC_UNLESS_QUEUED) never
// overtakes a job of the ticket: while one is queued nothing changes and the
// caller is told to queue behind it.
TEST_P(InboundSyncTest, AStatusFromOutsideTheQueueWaitsWhileAJobOfTheTicketIsUnfinished) {
  const auto unlessQueued = [&] {
    return inTransaction([&](auto& uow) {
      StatusSyncRequest request{jira_.id, "jira_server", acme_.id, "OPS-1", StatusAction::Resolve};
      request.unlessQueued = true;
      return inbound_->syncStatus(uow, request);
    });
  };
  inTransaction([&](auto& uow) {
    auto request = ih::test::jobRequest("jira_server", "status_inbound");
    request.orderingKey = externalIssueOrderingKey(jira_.id, "OPS-1");
    jobs_->enqueue(uow, request);
  });
  auto result = unlessQueued();
  EXPECT_TRUE(result.queued);
  EXPECT_EQ(result.changed, 0);
  EXPECT_EQ(reload(acmeIssue_).status, IssueStatus::Unresolved);
  EXPECT_FALSE(syncStatus(acme_.id, StatusAction::Unresolve).queued) << "a job's own call is not held back";

  finishJob(*jobs_);
  result = unlessQueued();
  EXPECT_FALSE(result.queued);
  EXPECT_EQ(result.changed, 1);
  EXPECT_EQ(reload(acmeIssue_).status, IssueStatus::Resolved);
}

TEST_P(InboundSyncTest, OrderingAnEventChecksTheHostsPendingChangeThenTheMark) {
  setConfig(acme_.id, kStatusForward);
  const auto order = [&](int64_t time, std::optional<int64_t> callingJob = std::nullopt) {
    return inTransaction([&](auto& uow) {
      return inbound_->orderEvent(uow, InboundEventOrder{acme_.id, jira_.id, "OPS-1", WatermarkKind::Status, time,
                                                         callingJob});
    });
  };
  EXPECT_EQ(order(100), WatermarkResult::Advanced);
  EXPECT_EQ(order(100), WatermarkResult::Stale);  // status: equal to the mark
  inTransaction([&](auto& uow) {
    issues_->setStatus(uow, acme_.id, acmeIssue_.id, IssueStatus::Resolved, ChangeSource::user(std::nullopt));
  });
  const int64_t job = pendingJobs().at(0).id;
  EXPECT_EQ(order(200), WatermarkResult::Stale) << "newer, but the host's own change is still to be written";
  // The job itself, after its write, moves the mark to the ticket's new time.
  EXPECT_EQ(order(200, job), WatermarkResult::Advanced);
  EXPECT_EQ(order(200, job), WatermarkResult::Stale);
  finishJob(*jobs_);
  EXPECT_EQ(order(150), WatermarkResult::Stale) << "older than the host's write";
  EXPECT_EQ(order(201), WatermarkResult::Advanced);
  EXPECT_EQ(inTransaction([&](auto& uow) {
              return inbound_->orderEvent(
                  uow, InboundEventOrder{acme_.id, jira_.id, "OPS-404", WatermarkKind::Status, 300, std::nullopt});
            }),
            WatermarkResult::NotLinked);
}

// --- status ----------------------------------------------------------------

TEST_P(InboundSyncTest, ResolveTouchesOnlyTheNamedOrganizationAndOnlyOnce) {
  auto result = syncStatus(acme_.id, StatusAction::Resolve);
  EXPECT_EQ(result.affected, 1);
  EXPECT_EQ(result.changed, 1);
  EXPECT_EQ(reload(acmeIssue_).status, IssueStatus::Resolved);
  EXPECT_EQ(reload(betaIssue_).status, IssueStatus::Unresolved);
  const auto activity = activitiesOf(acmeIssue_).front();
  EXPECT_EQ(activity.type, "set_resolved");
  EXPECT_EQ(activity.dataJson, R"({"integrationId":")" + std::to_string(jira_.id) + R"(","provider":"jira_server"})");
  result = syncStatus(acme_.id, StatusAction::Resolve);  // already resolved: no new activity
  EXPECT_EQ(result.affected, 1);
  EXPECT_EQ(result.changed, 0);
  EXPECT_EQ(activitiesOf(acmeIssue_).size(), 1u);
}

TEST_P(InboundSyncTest, UnresolveWritesSetUnresolved) {
  syncStatus(acme_.id, StatusAction::Resolve);
  const auto result = syncStatus(acme_.id, StatusAction::Unresolve);
  EXPECT_EQ(result.changed, 1);
  EXPECT_EQ(reload(acmeIssue_).status, IssueStatus::Unresolved);
  EXPECT_EQ(activitiesOf(acmeIssue_).front().type, "set_unresolved");
  EXPECT_EQ(syncStatus(acme_.id, StatusAction::Unresolve).changed, 0);
}

TEST_P(InboundSyncTest, ResolutionStrategiesUseTheLatestReleaseOrFallBack) {
  setConfig(acme_.id, R"({"resolution_strategy":"resolve_current_release"})");
  syncStatus(acme_.id, StatusAction::Resolve);  // no release yet: plain
  EXPECT_EQ(activitiesOf(acmeIssue_).front().type, "set_resolved");
  syncStatus(acme_.id, StatusAction::Unresolve);

  inTransaction([&](auto& uow) { directory_->createRelease(uow, acme_.id, "2.0.1", {"api"}); });
  syncStatus(acme_.id, StatusAction::Resolve);
  auto activity = activitiesOf(acmeIssue_).front();
  EXPECT_EQ(activity.type, "set_resolved_in_release");
  json::Document data;
  ASSERT_TRUE(json::parseObject(activity.dataJson, data));
  EXPECT_EQ(json::stringOr(data, "version"), "2.0.1");
  EXPECT_EQ(json::stringOr(data, "integrationId"), std::to_string(jira_.id));
  syncStatus(acme_.id, StatusAction::Unresolve);

  setConfig(acme_.id, R"({"resolution_strategy":"resolve_next_release"})");
  syncStatus(acme_.id, StatusAction::Resolve);
  activity = activitiesOf(acmeIssue_).front();
  EXPECT_EQ(activity.type, "set_resolved_in_release");
  ASSERT_TRUE(json::parseObject(activity.dataJson, data));
  EXPECT_EQ(json::boolean(data, "inNextRelease"), true);
  syncStatus(acme_.id, StatusAction::Unresolve);

  setConfig(acme_.id, R"({"resolution_strategy":"resolve"})");
  syncStatus(acme_.id, StatusAction::Resolve);
  EXPECT_EQ(activitiesOf(acmeIssue_).front().type, "set_resolved");
}

TEST_P(InboundSyncTest, StatusSyncNeedsThePluginEnabled) {
  setPluginEnabled(acme_.id, false);
  const auto result = syncStatus(acme_.id, StatusAction::Resolve);
  EXPECT_EQ(result.affected, 0);
  EXPECT_EQ(reload(acmeIssue_).status, IssueStatus::Unresolved);
}

IH_INSTANTIATE_BACKENDS(InboundSyncTest);

}  // namespace
}  // namespace ih::host::domain
