// The durable "status_inbound" job: the decision from the done category of
// the status at the event time (from the payload, else Jira's list, kept
// 240 s in the integration's metadata for every host), the host call, and retry vs give-up.
#include "support/plugin_test.h"
#include "sync/status_job_payload.h"

namespace ih::jira::testing {
namespace {

using ::testing::_;
using ::testing::AllOf;
using ::testing::Field;
using ::testing::Return;

const std::string kStatusUrl = std::string(kBaseUrl) + "/rest/api/2/status";
const std::string kStatuses =
    R"([{"id":"1","name":"Open","statusCategory":{"id":2,"key":"new"}},
        {"id":"3","name":"In Progress","statusCategory":{"id":4,"key":"indeterminate"}},
        {"id":"10001","name":"Done","statusCategory":{"id":3,"key":"done"}},
        {"id":"10002","name":"Closed","statusCategory":{"id":3,"key":"done"}}])";

// A job for OPS-1 whose status at the event time is `statusId` (category not in the payload).
std::string jobPayload(const std::string& statusId, int64_t org = 1, int64_t integration = kIntegrationId) {
  return StatusJobPayload{integration, org, "OPS-1", statusId, "", 0}.toJson();
}

class StatusJobTest : public PluginTest {
 protected:
  void SetUp() override {
    ON_CALL(host, integrationGet(kIntegrationId)).WillByDefault(Return(ok(integrationRecord())));
    ON_CALL(host, credentials(kIntegrationId, _)).WillByDefault(Return(ok(oauthCredentials())));
  }
  // Jira lists its statuses.
  void answerStatuses() { host.http.on("GET", kStatusUrl, respond(200, kStatuses)); }
  Outcome run(const std::string& statusId, int64_t org = 1) {
    return plugin.runJob("status_inbound", jobPayload(statusId, org));
  }
  // The list another host stored in the integration's metadata.
  void storeCategories(int64_t fetchedAtMs, const std::string& byIdJson) {
    std::string metadata = metadataJson();
    metadata.pop_back();
    metadata += R"(,"status_categories":{"fetched_at_ms":)" + std::to_string(fetchedAtMs) + R"(,"by_id":)" +
                byIdJson + "}}";
    ON_CALL(host, integrationGet(kIntegrationId))
        .WillByDefault(Return(ok(integrationRecord(kIntegrationId, kExternalId, "active", metadata))));
  }
  void failStatusesWith(const CannedResponse& response) {
    host.http.clear();
    host.http.on("GET", kStatusUrl, response);
  }
};

TEST_F(StatusJobTest, DoneStatusResolves) {
  answerStatuses();
  EXPECT_CALL(host, syncStatusInbound(AllOf(Field(&StatusSyncCall::integrationId, kIntegrationId),
                                            Field(&StatusSyncCall::organizationId, 1),
                                            Field(&StatusSyncCall::externalKey, "OPS-1"),
                                            Field(&StatusSyncCall::action, IHP_STATUS_ACTION_RESOLVE))));
  EXPECT_EQ(run("10001").status, IHP_OK);
}

// The delivery already moved the ticket's mark: a status job given up on a
// host hiccup would lose the change for good, so it runs again; a refusal
// that another attempt cannot change (an invalid or forbidden sync) is final.
TEST_F(StatusJobTest, AHostHiccupRetriesTheJobAndARefusalEndsIt) {
  answerStatuses();
  for (const ihp_status hiccup : {IHP_E_INTERNAL, IHP_E_TIMEOUT, IHP_E_RETRY}) {
    EXPECT_CALL(host, syncStatusInbound(_)).WillOnce(Return(failed(hiccup)));
    EXPECT_EQ(run("10001").status, IHP_E_RETRY) << ihp::sdk::statusName(hiccup);
  }
  for (const ihp_status refusal : {IHP_E_INVALID, IHP_E_FORBIDDEN}) {
    EXPECT_CALL(host, syncStatusInbound(_)).WillOnce(Return(failed(refusal)));
    EXPECT_EQ(run("10001").status, IHP_E_PERMANENT) << ihp::sdk::statusName(refusal);
  }
}

// A job can run long after its event (a dead one retried by hand): with the
// event's time it asks the host to leave the issues alone once a newer status
// of the ticket was seen (ABI 1.6), and the sync log says why nothing changed.
TEST_F(StatusJobTest, AJobWithItsEventTimeGivesWayToANewerStatus) {
  answerStatuses();
  const std::string payload = StatusJobPayload{kIntegrationId, 1, "OPS-1", "10001", "", kUpdatedMs}.toJson();
  EXPECT_CALL(host, syncStatusInbound(AllOf(Field(&StatusSyncCall::flags, IHP_STATUS_SYNC_UNLESS_SUPERSEDED),
                                            Field(&StatusSyncCall::eventTimeMs, kUpdatedMs))))
      .WillOnce(Return(ok(R"({"affected":1,"changed":0,"stale":1})")));
  EXPECT_CALL(host, syncLogWrite(AllOf(Field(&SyncLogCall::outcome, IHP_SYNC_SKIPPED),
                                       Field(&SyncLogCall::detail, ::testing::HasSubstr("a newer status")))));
  EXPECT_EQ(plugin.runJob("status_inbound", payload).status, IHP_OK) << "done: held back is not a failure";
}

// A job queued before the time was kept has none to compare, and a 1.5 host
// does not know the bit: both run unguarded, as before.
TEST_F(StatusJobTest, WithoutAnEventTimeOrOnAnOlderHostTheJobRunsUnguarded) {
  answerStatuses();
  EXPECT_CALL(host, syncStatusInbound(Field(&StatusSyncCall::flags, 0u))).Times(2);
  EXPECT_EQ(run("10001").status, IHP_OK);
  PluginHarness older(host, /*hostHasRekey=*/true, /*hostMinor=*/5);
  const std::string payload = StatusJobPayload{kIntegrationId, 1, "OPS-1", "10001", "", kUpdatedMs}.toJson();
  EXPECT_EQ(older.runJob("status_inbound", payload).status, IHP_OK);
}

TEST_F(StatusJobTest, NotDoneStatusUnresolves) {
  answerStatuses();
  EXPECT_CALL(host, syncStatusInbound(Field(&StatusSyncCall::action, IHP_STATUS_ACTION_UNRESOLVE))).Times(2);
  EXPECT_EQ(run("3").status, IHP_OK);
  EXPECT_EQ(run("1").status, IHP_OK);
}

// The defect of issue 10: a done -> done or open -> open move used to "do
// nothing", so an older move across the line delivered later won. The state
// at the event time now decides whatever the move was.
TEST_F(StatusJobTest, TheStatusAtTheEventDecidesNotTheMove) {
  answerStatuses();
  {
    ::testing::InSequence order;
    EXPECT_CALL(host, syncStatusInbound(Field(&StatusSyncCall::action, IHP_STATUS_ACTION_RESOLVE)));
    EXPECT_CALL(host, syncStatusInbound(Field(&StatusSyncCall::action, IHP_STATUS_ACTION_UNRESOLVE)));
  }
  EXPECT_EQ(plugin.runJob("status_inbound", R"({"integrationId":7,"organizationId":1,"issueKey":"OPS-1",)"
                                            R"("from":"10001","to":"10002"})").status, IHP_OK);
  EXPECT_EQ(run("3").status, IHP_OK);
}

TEST_F(StatusJobTest, CategoryFromThePayloadNeedsNoStatusList) {
  EXPECT_CALL(host, syncStatusInbound(Field(&StatusSyncCall::action, IHP_STATUS_ACTION_RESOLVE)));
  EXPECT_CALL(host, credentials(_, _)).Times(0);
  auto payload = StatusJobPayload{kIntegrationId, 1, "OPS-1", "10777", "done", 0}.toJson();
  EXPECT_EQ(plugin.runJob("status_inbound", payload).status, IHP_OK);
  EXPECT_EQ(host.http.count("GET", kStatusUrl), 0u);
}

TEST_F(StatusJobTest, StatusJiraDoesNotListGivesUpWithAReason) {
  answerStatuses();
  EXPECT_CALL(host, syncStatusInbound(_)).Times(0);
  auto outcome = run("999");
  EXPECT_EQ(outcome.status, IHP_E_PERMANENT);
  EXPECT_NE(outcome.reply.error.find("999"), std::string::npos) << outcome.reply.error;
}

TEST_F(StatusJobTest, StatusesAreReadSignedWithTheOrgsCredentials) {
  answerStatuses();
  EXPECT_CALL(host, credentials(kIntegrationId, 4));
  run("10001", 4);
  auto requests = host.http.requestsTo("GET", kStatusUrl);
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_NE(requests[0].header("Authorization").find(std::string("oauth_token=\"") + kAccessToken), std::string::npos);
  EXPECT_TRUE(requests[0].verifyTls);
  EXPECT_EQ(requests[0].timeoutMs, 30000u);
}

// Issue 11, finding 5: the list lives in the integration's metadata, shared
// by every host. One stored by another host (fresh) decides without asking
// Jira, even where this process would have cached another category.
TEST_F(StatusJobTest, AFreshListStoredByAnyHostDecidesWithoutAskingJira) {
  storeCategories(host.clockMs - 239'000, R"({"3":"done"})");
  EXPECT_CALL(host, syncStatusInbound(Field(&StatusSyncCall::action, IHP_STATUS_ACTION_RESOLVE)));
  EXPECT_CALL(host, integrationMergeMetadata(_, _)).Times(0);
  EXPECT_EQ(run("3").status, IHP_OK);
  EXPECT_EQ(host.http.count("GET", kStatusUrl), 0u);
}

// Older than 240 s, or without the status: fetched again, stored for every
// host with the time it was fetched, and the fresh list decides.
TEST_F(StatusJobTest, AStaleOrIncompleteStoredListIsFetchedAndStoredAgain) {
  answerStatuses();
  std::vector<std::string> patches;
  ON_CALL(host, integrationMergeMetadata(kIntegrationId, _))
      .WillByDefault([&](int64_t, const std::string& patch) {
        patches.push_back(patch);
        return IHP_OK;
      });
  storeCategories(host.clockMs - 240'000, R"({"3":"done"})");
  EXPECT_CALL(host, syncStatusInbound(Field(&StatusSyncCall::action, IHP_STATUS_ACTION_UNRESOLVE)));
  EXPECT_EQ(run("3").status, IHP_OK);
  storeCategories(host.clockMs, R"({"1":"new"})");
  EXPECT_CALL(host, syncStatusInbound(Field(&StatusSyncCall::action, IHP_STATUS_ACTION_RESOLVE)));
  EXPECT_EQ(run("10002").status, IHP_OK);
  EXPECT_EQ(host.http.count("GET", kStatusUrl), 2u);
  ASSERT_EQ(patches.size(), 2u);
  EXPECT_EQ(patches[0], R"({"status_categories":{"fetched_at_ms":)" + std::to_string(host.clockMs) +
                            R"(,"by_id":{"1":"new","3":"indeterminate","10001":"done","10002":"done"}}})");
}

// A host that cannot store the list still decides from the list it fetched.
TEST_F(StatusJobTest, AListThatCannotBeStoredStillDecides) {
  answerStatuses();
  ON_CALL(host, integrationMergeMetadata(_, _)).WillByDefault(Return(IHP_E_RETRY));
  EXPECT_CALL(host, syncStatusInbound(Field(&StatusSyncCall::action, IHP_STATUS_ACTION_RESOLVE)));
  EXPECT_EQ(run("10001").status, IHP_OK);
}

TEST_F(StatusJobTest, JiraUnavailableRetries) {
  for (const CannedResponse& response : {respond(503, "down"), respond(500, "{}"), transportFailure(IHP_E_UNREACHABLE),
                                         transportFailure(IHP_E_TIMEOUT), transportFailure(IHP_E_RESET)}) {
    failStatusesWith(response);
    EXPECT_CALL(host, syncStatusInbound(_)).Times(0);
    auto outcome = run("10001");
    EXPECT_EQ(outcome.status, IHP_E_RETRY);
    EXPECT_FALSE(outcome.reply.retryAfterMs);
  }
}

TEST_F(StatusJobTest, RateLimitedRetriesAfterRetryAfter) {
  failStatusesWith(respond(429, "slow down", {{"Retry-After", "7"}}));
  auto outcome = run("10001");
  EXPECT_EQ(outcome.status, IHP_E_RETRY);
  EXPECT_EQ(outcome.reply.retryAfterMs, std::optional<int64_t>(7000));
}

TEST_F(StatusJobTest, UnauthorizedOrNotFoundGivesUpWithAReason) {
  for (int32_t status : {401, 404, 403}) {
    failStatusesWith(respond(status, R"({"message":"no"})"));
    auto outcome = run("10001");
    EXPECT_EQ(outcome.status, IHP_E_PERMANENT) << status;
    EXPECT_NE(outcome.reply.error.find(std::to_string(status)), std::string::npos) << outcome.reply.error;
  }
}

TEST_F(StatusJobTest, InvalidStatusListGivesUp) {
  failStatusesWith(respond(200, R"({"not":"a list"})"));
  EXPECT_EQ(run("10001").status, IHP_E_PERMANENT);
}

TEST_F(StatusJobTest, MissingRecordsGiveUpAndHostHiccupsRetry) {
  ON_CALL(host, credentials(_, _)).WillByDefault(Return(failed(IHP_E_NOT_FOUND)));
  EXPECT_EQ(run("10001").status, IHP_E_PERMANENT);
  ON_CALL(host, credentials(_, _)).WillByDefault(Return(failed(IHP_E_RETRY)));
  EXPECT_EQ(run("10001").status, IHP_E_RETRY);
  ON_CALL(host, integrationGet(_)).WillByDefault(Return(failed(IHP_E_NOT_FOUND)));
  EXPECT_EQ(run("10001").status, IHP_E_PERMANENT);
}

TEST_F(StatusJobTest, MalformedPayloadGivesUp) {
  for (const char* payload : {"", "{}", R"({"integrationId":7,"organizationId":1})",
                              R"({"integrationId":7,"organizationId":1,"issueKey":"OPS-1"})", "[]"}) {
    auto outcome = plugin.runJob("status_inbound", payload);
    EXPECT_EQ(outcome.status, IHP_E_PERMANENT) << payload;
    EXPECT_FALSE(outcome.reply.error.empty());
  }
}

// A link gone meanwhile ends the job quietly (see also
// AHostHiccupRetriesTheJobAndARefusalEndsIt).
TEST_F(StatusJobTest, ALinkGoneMeanwhileEndsTheJob) {
  answerStatuses();
  ON_CALL(host, syncStatusInbound(_)).WillByDefault(Return(failed(IHP_E_NOT_FOUND)));
  EXPECT_EQ(run("10001").status, IHP_OK);
}

TEST_F(StatusJobTest, UnknownJobKindIsPermanent) {
  auto outcome = plugin.runJob("mystery", "{}");
  EXPECT_EQ(outcome.status, IHP_E_PERMANENT);
  EXPECT_NE(outcome.reply.error.find("mystery"), std::string::npos);
}

TEST_F(StatusJobTest, PersonalAccessTokenIsSentAsBearer) {
  answerStatuses();
  ON_CALL(host, credentials(kIntegrationId, _))
      .WillByDefault(Return(ok(R"({"auth_type":"pat","personal_access_token":"pat-secret"})")));
  EXPECT_CALL(host, oauth1Sign(_)).Times(0);
  run("10001");
  EXPECT_EQ(host.http.requestsTo("GET", kStatusUrl).at(0).header("Authorization"), "Bearer pat-secret");
  expectNeverLogged("pat-secret");
}

TEST_F(StatusJobTest, SigningFailureGivesUp) {
  ON_CALL(host, oauth1Sign(_)).WillByDefault(Return(failed(IHP_E_INVALID)));
  EXPECT_EQ(run("10001").status, IHP_E_PERMANENT);
  EXPECT_TRUE(host.http.requests().empty());
}

TEST_F(StatusJobTest, NoCredentialIsLogged) {
  failStatusesWith(respond(401, "nope"));
  run("10001");
  for (const char* secret : {kAccessToken, kAccessSecret, "MIIBfake"}) expectNeverLogged(secret);
}

}  // namespace
}  // namespace ih::jira::testing
