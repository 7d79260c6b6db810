// The sync log, user mappings and the audit log in the domain: every inbound
// assignee decision leaves a line in words on each linked issue; a user
// mapping stands in when Jira hides the email (and only then, or when the
// email matches nobody); the log keeps the last 200 lines of an issue and
// none past the retention; a dead-lettered outbound event is logged by the
// host; config changes are audited with secrets redacted.
#include <gtest/gtest.h>

#include "domain/audit_log.h"
#include "domain/sync_log.h"
#include "ihp/plugin_abi.h"
#include "ihp/sdk/json.hpp"
#include "storage/user_mapping_repository.h"
#include "support/domain_fixture.h"

namespace ih::host::domain {
namespace {

namespace json = ihp::sdk::json;
using ih::test::kStartMs;

class SyncVisibilityTest : public ih::test::DomainTest {
 protected:
  void SetUp() override {
    DomainTest::SetUp();
    if (IsSkipped()) return;
    acme_ = makeOrg("acme");
    alice_ = makeUser("alice@example.test");
    bob_ = makeUser("bob@example.test");
    makeTeam(acme_.id, "core", {alice_.id, bob_.id});
    project_ = makeProject(acme_.id, "api", {"core"});
    issue_ = makeIssue(acme_.id, project_.id);
    jira_ = installIntegration(acme_.id, "jira-1", R"({"sync_reverse_assignment":true})").integration;
    linkTicket(acme_.id, jira_.id, issue_.id, "OPS-1");
  }

  AssigneeSyncResult syncAssignee(std::optional<std::string> email, std::optional<std::string> remoteUser,
                                  int64_t eventTime = 0) {
    return inTransaction([&](auto& uow) {
      AssigneeSyncRequest request;
      request.integrationId = jira_.id;
      request.provider = "jira_server";
      request.externalKey = "OPS-1";
      request.assign = true;
      request.email = std::move(email);
      request.remoteUser = std::move(remoteUser);
      request.eventTimeMs = eventTime;
      return inbound_->syncAssignee(uow, request);
    });
  }

  void mapJiraUser(const std::string& name, int64_t userId) {
    inTransaction([&](auto& uow) {
      storage::UserMappingRepository(uow).replaceAll(acme_.id, jira_.id, {{name, "JIRAUSER1", "J. Doe", userId}},
                                                     kStartMs);
      return 0;
    });
  }

  std::vector<storage::SyncLogRow> logOf(const storage::Issue& issue) {
    return inTransaction([&](auto& uow) { return SyncLog(clock_).list(uow, acme_.id, issue.id, 500); });
  }

  storage::Organization acme_;
  storage::User alice_, bob_;
  storage::Project project_;
  storage::Issue issue_;
  storage::Integration jira_;
};

TEST_P(SyncVisibilityTest, HiddenEmailWithoutMappingIsSkippedInWords) {
  const auto result = syncAssignee(std::nullopt, "jdoe");
  EXPECT_EQ(result.userNotFound, 1);
  EXPECT_FALSE(reload(issue_).assigneeUserId);
  const auto log = logOf(issue_);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].direction, "inbound");
  EXPECT_EQ(log[0].kind, "assignee");
  EXPECT_EQ(log[0].outcome, "skipped");
  EXPECT_EQ(log[0].externalKey, "OPS-1");
  EXPECT_EQ(log[0].detail, "skipped: Jira's email for jdoe is hidden and no user mapping exists");
}

TEST_P(SyncVisibilityTest, AMappingAssignsWhenTheEmailIsHidden) {
  mapJiraUser("jdoe", bob_.id);
  const auto result = syncAssignee(std::nullopt, "jdoe");
  EXPECT_EQ(result.assigned, 1);
  EXPECT_EQ(result.mapped, 1);
  EXPECT_EQ(reload(issue_).assigneeUserId, bob_.id);
  const auto log = logOf(issue_);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].outcome, "applied");
  EXPECT_NE(log[0].detail.find("by user mapping"), std::string::npos) << log[0].detail;
}

TEST_P(SyncVisibilityTest, AVerifiedEmailMatchWinsOverAMapping) {
  mapJiraUser("jdoe", bob_.id);
  syncAssignee("alice@example.test", "jdoe");
  EXPECT_EQ(reload(issue_).assigneeUserId, alice_.id);
}

TEST_P(SyncVisibilityTest, AMappingStandsInForAnEmailThatMatchesNobody) {
  mapJiraUser("jdoe", bob_.id);
  const auto result = syncAssignee("nobody@elsewhere.test", "jdoe");
  EXPECT_EQ(result.mapped, 1);
  EXPECT_EQ(reload(issue_).assigneeUserId, bob_.id);
}

TEST_P(SyncVisibilityTest, AMappingToAFormerMemberAssignsNobody) {
  const auto stranger = makeUser("stranger@example.test");  // never a member of acme
  mapJiraUser("jdoe", stranger.id);
  EXPECT_EQ(syncAssignee(std::nullopt, "jdoe").userNotFound, 1);
  EXPECT_FALSE(reload(issue_).assigneeUserId);
}

TEST_P(SyncVisibilityTest, AnOlderEventNamesTheChangeItLostTo) {
  syncAssignee("alice@example.test", "alice", kStartMs + 5000);
  syncAssignee("bob@example.test", "bob", kStartMs + 1000);
  EXPECT_EQ(reload(issue_).assigneeUserId, alice_.id);
  const auto log = logOf(issue_);
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].outcome, "skipped");  // newest first
  EXPECT_EQ(log[0].detail, "skipped: older than the change of " + changeTime(kStartMs + 5000));
}

TEST_P(SyncVisibilityTest, TheLogKeepsTheNewest200OfAnIssueAndWritesSweepWhatIsPastRetention) {
  const SyncNote note{jira_.id, "OPS-1", SyncDirection::Outbound, "comment", SyncOutcome::Applied, "posted"};
  inTransaction([&](auto& uow) {
    for (int i = 0; i < 205; ++i) SyncLog(clock_).write(uow, acme_.id, issue_.id, note);
    return 0;
  });
  auto log = logOf(issue_);
  ASSERT_EQ(log.size(), storage::SyncLogRepository::kKeepPerIssue);
  EXPECT_GT(log.front().id, log.back().id);
  // Past retention, later writes (on any issue) sweep the expired entries,
  // a bounded number per write, until none is left.
  clock_.advance(storage::SyncLogRepository::kRetentionMs + 1);
  const auto other = makeIssue(acme_.id, project_.id);
  int writes = 0;
  for (size_t left = log.size(); left > 0 && writes < 1000; ++writes) {
    inTransaction([&](auto& uow) {
      SyncLog(clock_).write(uow, acme_.id, other.id, note);
      return 0;
    });
    const size_t now = logOf(issue_).size();
    EXPECT_GE(now + storage::SyncLogRepository::kExpiredSweptPerPrune, left);
    left = now;
  }
  EXPECT_TRUE(logOf(issue_).empty()) << "after " << writes << " writes";
  EXPECT_EQ(logOf(other).size(), static_cast<size_t>(writes));  // the fresh entries stay
}

TEST_P(SyncVisibilityTest, ADeadOutboundEventIsLoggedOnItsIssue) {
  storage::Job job;
  job.id = 42;
  job.kind = "ihp.event";
  job.organizationId = acme_.id;
  job.payloadJson = R"({"type":2,"event":{"organizationId":)" + std::to_string(acme_.id) +
                    R"(,"integrationId":)" + std::to_string(jira_.id) + R"(,"issue":{"id":)" +
                    std::to_string(issue_.id) + R"(},"externalIssue":{"id":1,"key":"OPS-1"}}})";
  inTransaction([&](auto& uow) {
    SyncLog(clock_).jobDeadLettered(uow, job, "permanent failure: transition 31 needs field resolution");
    return 0;
  });
  const auto log = logOf(issue_);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].direction, "outbound");
  EXPECT_EQ(log[0].kind, "status");
  EXPECT_EQ(log[0].outcome, "failed");
  EXPECT_NE(log[0].detail.find("transition 31 needs field resolution"), std::string::npos);
  EXPECT_NE(log[0].detail.find("job 42"), std::string::npos);
}

TEST(ConfigChangeData, NamesTheChangedKeysWithBeforeAndAfterAndRedactsSecrets) {
  const std::string data = configChangeData(R"({"a":1,"same":true,"api_token":"old-secret"})",
                                            R"({"a":2,"same":true,"api_token":"new-secret","b":"x"})");
  EXPECT_EQ(data.find("secret"), std::string::npos) << data;
  json::Document doc;
  ASSERT_TRUE(json::parseObject(data, doc));
  EXPECT_EQ(json::stringArray(doc, "changed"), (std::vector<std::string>{"a", "api_token", "b"}));
  EXPECT_EQ(doc["before"]["a"].GetInt(), 1);
  EXPECT_TRUE(doc["before"]["b"].IsNull());
  EXPECT_EQ(doc["after"]["a"].GetInt(), 2);
  EXPECT_STREQ(doc["after"]["api_token"].GetString(), "[redacted]");
}

IH_INSTANTIATE_BACKENDS(SyncVisibilityTest);

}  // namespace
}  // namespace ih::host::domain
