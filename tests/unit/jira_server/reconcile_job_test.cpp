// The durable "reconcile" job: one JQL search per batch, each ticket applied
// as a snapshot at its `updated` time (the webhook's own path), moved tickets
// read by key and re-keyed, deleted ones marked gone, the rest queued as the
// next job, and Jira's refusals turned into retries or give-ups.
#include "support/plugin_test.h"
#include "sync/reconcile_payload.h"

namespace ih::jira::testing {
namespace {

using ::testing::_;
using ::testing::AllOf;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::Optional;
using ::testing::Return;

const std::string kReconcileSearchUrl = std::string(kBaseUrl) + "/rest/api/2/search";

std::string issueBean(const std::string& key, const std::string& statusId, const std::string& category,
                      const std::string& email) {
  return R"({"key":")" + key + R"(","fields":{"updated":"2024-06-10T09:13:20.123+0000","assignee":{"name":"x",)" +
         R"("emailAddress":")" + email + R"("},"status":{"id":")" + statusId + R"(","statusCategory":{"key":")" +
         category + R"("}}}})";
}

std::string searchAnswer(const std::vector<std::string>& beans) {
  std::string issues;
  for (const auto& bean : beans) issues += (issues.empty() ? "" : ",") + bean;
  return R"({"startAt":0,"maxResults":50,"total":)" + std::to_string(beans.size()) + R"(,"issues":[)" + issues + "]}";
}

std::string payloadFor(int tickets) {
  ReconcilePayload payload{1, kIntegrationId, {}};
  for (int index = 1; index <= tickets; ++index) payload.tickets.push_back({"OPS-" + std::to_string(index), 100 + index});
  return payload.toJson();
}

class ReconcileJobTest : public PluginTest {
 protected:
  void SetUp() override {
    ON_CALL(host, integrationGet(kIntegrationId)).WillByDefault(Return(ok(integrationRecord())));
    ON_CALL(host, credentials(kIntegrationId, _)).WillByDefault(Return(ok(oauthCredentials())));
    ON_CALL(host, orgLinks(kIntegrationId))
        .WillByDefault(Return(ok("[" + orgLink(1, true, R"({"sync_status_reverse":true})") + "]")));
  }
  Outcome run(const std::string& payload) { return plugin.runJob("reconcile", payload); }
};

TEST_F(ReconcileJobTest, OneSearchAppliesEveryTicketAsASnapshotAtItsUpdatedTime) {
  host.http.on("POST", kReconcileSearchUrl,
               respond(200, searchAnswer({issueBean("OPS-1", "10001", "done", "bob@example.test"),
                                          issueBean("OPS-2", "3", "indeterminate", "alice@example.test")})));
  EXPECT_CALL(host, syncAssigneeInbound(AllOf(Field(&AssigneeSyncCall::externalKey, "OPS-1"),
                                              Field(&AssigneeSyncCall::email, Optional(std::string("bob@example.test"))),
                                              Field(&AssigneeSyncCall::eventTimeMs, kUpdatedMs))));
  EXPECT_CALL(host, syncAssigneeInbound(Field(&AssigneeSyncCall::externalKey, "OPS-2")));
  EXPECT_CALL(host, watermarkAdvance(1, kIntegrationId, "OPS-1", IHP_WATERMARK_STATUS, kUpdatedMs));
  EXPECT_CALL(host, watermarkAdvance(1, kIntegrationId, "OPS-2", IHP_WATERMARK_STATUS, kUpdatedMs));
  // The categories came with the search: applied at once, unless a job of
  // the ticket is queued (OPS-2), where the change queues behind it.
  EXPECT_CALL(host, syncStatusInbound(AllOf(Field(&StatusSyncCall::externalKey, "OPS-1"),
                                            Field(&StatusSyncCall::action, IHP_STATUS_ACTION_RESOLVE),
                                            Field(&StatusSyncCall::flags, IHP_STATUS_SYNC_UNLESS_QUEUED))));
  EXPECT_CALL(host, syncStatusInbound(Field(&StatusSyncCall::externalKey, "OPS-2")))
      .WillOnce(Return(failed(IHP_E_CONFLICT)));
  std::vector<JobCall> jobs;
  EXPECT_CALL(host, enqueue(_)).WillOnce([&jobs](const JobCall& job) {
    jobs.push_back(job);
    return IHP_OK;
  });
  EXPECT_EQ(run(payloadFor(2)).status, IHP_OK);

  auto search = host.http.requestsTo("POST", kReconcileSearchUrl);
  ASSERT_EQ(search.size(), 1u);
  auto body = parseJson(search[0].body);
  EXPECT_EQ(jsonString(body, "jql"), R"(key in ("OPS-1","OPS-2"))");
  EXPECT_EQ(jsonString(body, "validateQuery"), "warn");
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(jobs[0].kind, "status_inbound");
  EXPECT_NE(jobs[0].payloadJson.find(R"("statusId":"3","categoryKey":"indeterminate")"), std::string::npos)
      << jobs[0].payloadJson;
}

TEST_F(ReconcileJobTest, AStaleTicketChangesNothing) {
  host.http.on("POST", kReconcileSearchUrl, respond(200, searchAnswer({issueBean("OPS-1", "10001", "done", "b@x.test")})));
  ON_CALL(host, watermarkAdvance(_, _, _, _, _)).WillByDefault(Return(IHP_E_CONFLICT));
  EXPECT_CALL(host, enqueue(_)).Times(0);
  EXPECT_EQ(run(payloadFor(1)).status, IHP_OK);
}

// Jira's JQL refuses an empty `key in ()` with a 400, which would end the job
// as dead: with no ticket there is nothing to ask.
TEST_F(ReconcileJobTest, NoLinkedTicketIsDoneWithoutAskingJira) {
  EXPECT_CALL(host, enqueue(_)).Times(0);
  EXPECT_EQ(run(payloadFor(0)).status, IHP_OK);
  EXPECT_TRUE(host.http.requests().empty());
}

TEST_F(ReconcileJobTest, AMovedTicketIsReadByItsOldKeyAndReKeyedAndADeletedOneMarkedGone) {
  host.http.on("POST", kReconcileSearchUrl, respond(200, searchAnswer({issueBean("OPS-1", "1", "new", "b@x.test")})));
  host.http.on("GET", std::string(kBaseUrl) + "/rest/api/2/issue/OPS-2?fields=assignee,status,updated",
               respond(200, issueBean("APP-7", "1", "new", "b@x.test")));
  host.http.on("GET", std::string(kBaseUrl) + "/rest/api/2/issue/OPS-3?fields=assignee,status,updated",
               respond(404, R"({"errorMessages":["Issue Does Not Exist"]})"));
  EXPECT_CALL(host, externalIssueRekey(kIntegrationId, "OPS-2", "APP-7"));
  EXPECT_CALL(host, syncAssigneeInbound(Field(&AssigneeSyncCall::externalKey, "OPS-1")));
  EXPECT_CALL(host, syncAssigneeInbound(Field(&AssigneeSyncCall::externalKey, "APP-7")));
  EXPECT_CALL(host, externalIssueMarkGone(1, 103, HasSubstr("404")));
  EXPECT_CALL(host, syncAssigneeInbound(Field(&AssigneeSyncCall::externalKey, "OPS-3"))).Times(0);
  EXPECT_EQ(run(payloadFor(3)).status, IHP_OK);
}

TEST_F(ReconcileJobTest, MoreThanOneBatchQueuesTheRestInOrder) {
  std::vector<std::string> beans;
  for (int index = 1; index <= 50; ++index) beans.push_back(issueBean("OPS-" + std::to_string(index), "1", "new", "b@x.test"));
  host.http.on("POST", kReconcileSearchUrl, respond(200, searchAnswer(beans)));
  ON_CALL(host, watermarkAdvance(_, _, _, _, _)).WillByDefault(Return(IHP_E_CONFLICT));
  EXPECT_CALL(host, enqueue(Field(&JobCall::kind, "reconcile"))).WillOnce([](const JobCall& job) {
    auto rest = ReconcilePayload::fromJson(job.payloadJson);
    EXPECT_TRUE(rest.has_value());
    EXPECT_EQ(rest->tickets.size(), 10u);
    EXPECT_EQ(rest->tickets.front().key, "OPS-51");
    EXPECT_EQ(job.orderingKey, std::optional<std::string>("reconcile:7:1"));
    return IHP_OK;
  });
  EXPECT_EQ(run(payloadFor(60)).status, IHP_OK);
}

TEST_F(ReconcileJobTest, ARateLimitedSearchComesBackAfterRetryAfterAndAMalformedPayloadGivesUp) {
  host.http.on("POST", kReconcileSearchUrl, respond(429, "slow down", {{"Retry-After", "9"}}));
  EXPECT_CALL(host, syncAssigneeInbound(_)).Times(0);
  auto outcome = run(payloadFor(2));
  EXPECT_EQ(outcome.status, IHP_E_RETRY);
  EXPECT_EQ(outcome.reply.retryAfterMs, std::optional<int64_t>(9000));
  for (const char* payload : {"", "{}", R"({"organizationId":1,"integrationId":7,"tickets":[{}]})"}) {
    EXPECT_EQ(run(payload).status, IHP_E_PERMANENT) << payload;
  }
}

}  // namespace
}  // namespace ih::jira::testing
