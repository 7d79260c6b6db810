// Outbound assignee (handle_event ISSUE_ASSIGNED): finding the Jira user by
// verified email, the PUT, the watermark after it, and the outbox policy for
// every failure.
#include "support/outbound_fixtures.h"

namespace ih::jira::testing {
namespace {

using ::testing::_;
using ::testing::Return;

const std::string kAssignUrl = api("/issue/OPS-1/assignee");
const std::string kAssignmentConfig = R"({"sync_forward_assignment":true})";

std::string searchUrl(const std::string& encodedEmail) {
  return api("/user/assignable/search?issueKey=OPS-1&username=" + encodedEmail);
}

class OutboundAssigneeTest : public OutboundTest {
 protected:
  // Jira takes the assignment.
  void acceptAssignment() { host.http.on("PUT", kAssignUrl, respond(204)); }
  Outcome assign(std::vector<std::string> emails) {
    return hooks.event(IHP_EVENT_ISSUE_ASSIGNED, EventJson().config(kAssignmentConfig).assignee(std::move(emails)).json());
  }
  std::string assignedBody() const {
    auto puts = host.http.requestsTo("PUT", kAssignUrl);
    return puts.empty() ? "<none>" : puts.back().body;
  }
};

TEST_F(OutboundAssigneeTest, OneHitIsAssigned) {
  acceptAssignment();
  host.http.on("GET", searchUrl("bob%40example.test"), respond(200, jsonList({jiraUser("bob", "Bob Builder")})));
  auto outcome = assign({"bob@example.test"});
  EXPECT_EQ(outcome.status, IHP_OK) << outcome.reply.error;
  EXPECT_EQ(assignedBody(), R"({"name":"bob"})");
  EXPECT_EQ(host.http.requestsTo("PUT", kAssignUrl).at(0).header("Content-Type"), "application/json");
}

TEST_F(OutboundAssigneeTest, SeveralHitsPickTheOneWithTheEmailCaseInsensitively) {
  acceptAssignment();
  host.http.on("GET", searchUrl("Bob%40Example.test"),
               respond(200, jsonList({jiraUser("bobby", "Bobby", "bobby@example.test"), jiraUser("nomail", "No Mail"),
                                      jiraUser("bob", "Bob Builder", "BOB@example.TEST")})));
  EXPECT_EQ(assign({"Bob@Example.test"}).status, IHP_OK);
  EXPECT_EQ(assignedBody(), R"({"name":"bob"})");
}

TEST_F(OutboundAssigneeTest, LaterVerifiedEmailsAreTriedWhenEarlierOnesFindNobody) {
  acceptAssignment();
  host.http.on("GET", searchUrl("old%40example.test"), respond(200, "[]"));
  host.http.on("GET", searchUrl("bob%40example.test"), respond(200, jsonList({jiraUser("bob", "Bob")})));
  EXPECT_EQ(assign({"old@example.test", "bob@example.test"}).status, IHP_OK);
  EXPECT_EQ(assignedBody(), R"({"name":"bob"})");
}

TEST_F(OutboundAssigneeTest, NoMatchIsPermanentWithoutAPut) {
  host.http.on("GET", searchUrl("bob%40example.test"),
               respond(200, jsonList({jiraUser("x", "X", "x@example.test"), jiraUser("y", "Y")})));
  auto outcome = assign({"bob@example.test"});
  EXPECT_EQ(outcome.status, IHP_E_PERMANENT);
  EXPECT_EQ(outcome.reply.error, "Failed to assign user to Jira Server issue");
  EXPECT_TRUE(never("PUT", kAssignUrl));
}

TEST_F(OutboundAssigneeTest, NoVerifiedEmailIsNoMatch) {
  auto outcome = assign({});
  EXPECT_EQ(outcome.status, IHP_E_PERMANENT);
  EXPECT_EQ(outcome.reply.error, "Failed to assign user to Jira Server issue");
  EXPECT_TRUE(host.http.requests().empty());
}

TEST_F(OutboundAssigneeTest, UnauthorizedSearchCountsAsNoMatch) {
  host.http.on("GET", searchUrl("bob%40example.test"), respond(401, R"({"message":"no","status-code":401})"));
  auto outcome = assign({"bob@example.test"});
  EXPECT_EQ(outcome.status, IHP_E_PERMANENT);
  EXPECT_EQ(outcome.reply.error, "Failed to assign user to Jira Server issue");
  EXPECT_TRUE(host.anyLogContains("jira.user-search.unauthorized"));
  EXPECT_TRUE(never("PUT", kAssignUrl));
}

TEST_F(OutboundAssigneeTest, UnauthorizedPutIsPermanentWithTheSentryText) {
  host.http.on("GET", searchUrl("bob%40example.test"), respond(200, jsonList({jiraUser("bob", "Bob")})));
  host.http.on("PUT", kAssignUrl, respond(401, "nope"));
  auto outcome = assign({"bob@example.test"});
  EXPECT_EQ(outcome.status, IHP_E_PERMANENT);
  EXPECT_EQ(outcome.reply.error, "Insufficient permissions to assign user to Jira Server issue");
}

TEST_F(OutboundAssigneeTest, NotFoundMarksTheTicketGoneAndIsDone) {
  host.http.on("PUT", kAssignUrl, respond(404, R"({"errorMessages":["Issue Does Not Exist"],"errors":{}})"));
  EXPECT_CALL(host, externalIssueMarkGone(1, kExternalIssueId, "Jira answered 404")).WillOnce(Return(IHP_OK));
  auto outcome = hooks.event(IHP_EVENT_ISSUE_ASSIGNED, EventJson().config(kAssignmentConfig).unassigned().json());
  EXPECT_EQ(outcome.status, IHP_OK);
}

TEST_F(OutboundAssigneeTest, RateLimitedRetriesAfterRetryAfter) {
  host.http.on("PUT", kAssignUrl, respond(429, "slow down", {{"Retry-After", "3"}}));
  auto outcome = hooks.event(IHP_EVENT_ISSUE_ASSIGNED, EventJson().config(kAssignmentConfig).unassigned().json());
  EXPECT_EQ(outcome.status, IHP_E_RETRY);
  EXPECT_EQ(outcome.reply.retryAfterMs, std::optional<int64_t>(3000));
}

TEST_F(OutboundAssigneeTest, ServerErrorsAndTransportFailuresRetryWithTheErrorAsReason) {
  const std::vector<std::pair<CannedResponse, std::string>> cases = {
      {respond(503, "maintenance"), "HTTP 503: maintenance"},
      {respond(500, ""), "HTTP 500"},
      {transportFailure(IHP_E_TIMEOUT), "Timed out attempting to reach host: jira.example.test"},
      {transportFailure(IHP_E_RESET), "Connection reset by peer"},
      {transportFailure(IHP_E_UNREACHABLE), "Unable to reach host: jira.example.test"}};
  for (const auto& [response, reason] : cases) {
    host.http.clear();
    host.http.on("PUT", kAssignUrl, response);
    auto outcome = hooks.event(IHP_EVENT_ISSUE_ASSIGNED, EventJson().config(kAssignmentConfig).unassigned().json());
    EXPECT_EQ(outcome.status, IHP_E_RETRY) << reason;
    EXPECT_EQ(outcome.reply.error, reason);
    EXPECT_FALSE(outcome.reply.retryAfterMs);
  }
}

TEST_F(OutboundAssigneeTest, TransientSearchFailureRetriesInsteadOfGivingUp) {
  host.http.on("GET", searchUrl("bob%40example.test"), respond(502, "bad gateway"));
  auto outcome = assign({"bob@example.test"});
  EXPECT_EQ(outcome.status, IHP_E_RETRY);
  EXPECT_TRUE(never("PUT", kAssignUrl));
}

TEST_F(OutboundAssigneeTest, OtherRefusalsArePermanentWithJirasStatus) {
  host.http.on("PUT", kAssignUrl, respond(400, R"({"errors":{"assignee":"User 'bob' cannot be assigned issues."}})"));
  auto outcome = hooks.event(IHP_EVENT_ISSUE_ASSIGNED, EventJson().config(kAssignmentConfig).unassigned().json());
  EXPECT_EQ(outcome.status, IHP_E_PERMANENT);
  EXPECT_NE(outcome.reply.error.find("Failed to assign user to Jira Server issue (HTTP 400"), std::string::npos)
      << outcome.reply.error;
}

TEST_F(OutboundAssigneeTest, UnassignSendsNullName) {
  acceptAssignment();
  auto outcome = hooks.event(IHP_EVENT_ISSUE_ASSIGNED, EventJson().config(kAssignmentConfig).unassigned().json());
  EXPECT_EQ(outcome.status, IHP_OK);
  EXPECT_EQ(assignedBody(), R"({"name":null})");
  EXPECT_EQ(host.http.requests().size(), 2u);  // the PUT, then the read of the new time
}

// Jira's echo of an earlier assignment may arrive after this one: the mark at
// the ticket's time after this PUT makes such an echo stale.
TEST_F(OutboundAssigneeTest, AfterThePutTheAssigneeWatermarkMovesToTheTicketsNewTime) {
  acceptAssignment();
  EXPECT_CALL(host, watermarkAdvance(1, kIntegrationId, "OPS-1", IHP_WATERMARK_ASSIGNEE, kTicketUpdatedMs))
      .WillOnce(Return(IHP_OK));
  auto outcome = hooks.event(IHP_EVENT_ISSUE_ASSIGNED, EventJson().config(kAssignmentConfig).unassigned().json());
  EXPECT_EQ(outcome.status, IHP_OK);
  const auto& requests = host.http.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].method, "PUT");
  EXPECT_EQ(requests[1].method + " " + requests[1].url, "GET " + updatedUrl());
  EXPECT_FALSE(requests[1].header("Authorization").empty()) << "signed like every call";
}

TEST_F(OutboundAssigneeTest, TheAssignmentStandsWhenItsNewTimeCannotBeReadOrRecorded) {
  for (const auto& answer : {respond(503, "busy"), respond(200, R"({"fields":{}})"), respond(404, "gone")}) {
    host.http.clear();
    host.http.on("PUT", kAssignUrl, respond(204));
    host.http.on("GET", updatedUrl(), answer);
    EXPECT_CALL(host, watermarkAdvance(_, _, _, _, _)).Times(0);
    auto outcome = hooks.event(IHP_EVENT_ISSUE_ASSIGNED, EventJson().config(kAssignmentConfig).unassigned().json());
    EXPECT_EQ(outcome.status, IHP_OK) << "the write itself succeeded";
    EXPECT_TRUE(host.anyLogContains("watermark-after-write: issue=OPS-1 not advanced"));
    ::testing::Mock::VerifyAndClearExpectations(&host);
  }
  host.http.clear();
  host.http.on("PUT", kAssignUrl, respond(204));
  scriptUpdatedRead(host.http);
  for (ihp_status refused : {IHP_E_CONFLICT, IHP_E_FORBIDDEN}) {
    EXPECT_CALL(host, watermarkAdvance(_, _, _, _, _)).WillOnce(Return(refused));
    EXPECT_EQ(hooks.event(IHP_EVENT_ISSUE_ASSIGNED, EventJson().config(kAssignmentConfig).unassigned().json()).status,
              IHP_OK);
    ::testing::Mock::VerifyAndClearExpectations(&host);
  }
}

TEST_F(OutboundAssigneeTest, AFailedPutMovesNoWatermark) {
  host.http.on("PUT", kAssignUrl, respond(503, "maintenance"));
  EXPECT_CALL(host, watermarkAdvance(_, _, _, _, _)).Times(0);
  EXPECT_EQ(hooks.event(IHP_EVENT_ISSUE_ASSIGNED, EventJson().config(kAssignmentConfig).unassigned().json()).status,
            IHP_E_RETRY);
  EXPECT_TRUE(never("GET", updatedUrl()));
}

TEST_F(OutboundAssigneeTest, ToggleOffInTheSnapshotDoesNothing) {
  for (const char* config : {"{}", R"({"sync_forward_assignment":false})"}) {
    auto outcome = hooks.event(IHP_EVENT_ISSUE_ASSIGNED, EventJson().config(config).unassigned().json());
    EXPECT_EQ(outcome.status, IHP_OK);
  }
  EXPECT_TRUE(host.http.requests().empty());
}

TEST_F(OutboundAssigneeTest, EveryAttemptIsSignedAfreshWithTheOrgsIdentity) {
  EXPECT_CALL(host, credentials(kIntegrationId, 1)).Times(2);
  host.http.clear();
  host.http.on("PUT", kAssignUrl, respond(503, "x"));
  host.http.on("PUT", kAssignUrl, respond(204));
  scriptUpdatedRead(host.http);
  hooks.event(IHP_EVENT_ISSUE_ASSIGNED, EventJson().config(kAssignmentConfig).unassigned().json(), 1);
  hooks.event(IHP_EVENT_ISSUE_ASSIGNED, EventJson().config(kAssignmentConfig).unassigned().json(), 2);
  auto puts = host.http.requestsTo("PUT", kAssignUrl);
  ASSERT_EQ(puts.size(), 2u);
  EXPECT_NE(puts[0].header("Authorization"), puts[1].header("Authorization"));
  EXPECT_NE(puts[1].header("Authorization").find("nonce-2"), std::string::npos);
  EXPECT_NE(puts[1].header("Authorization").find(std::string("oauth_token=\"") + kAccessToken), std::string::npos);
}

TEST_F(OutboundAssigneeTest, PersonalAccessTokenIsSentAsBearer) {
  acceptAssignment();
  usePatCredentials("pat-secret-1");
  EXPECT_CALL(host, oauth1Sign(_)).Times(0);
  hooks.event(IHP_EVENT_ISSUE_ASSIGNED, EventJson().config(kAssignmentConfig).unassigned().json());
  EXPECT_EQ(host.http.requestsTo("PUT", kAssignUrl).at(0).header("Authorization"), "Bearer pat-secret-1");
  expectNeverLogged("pat-secret-1");
}

TEST_F(OutboundAssigneeTest, MissingConnectionRecordsGiveUpAndHostHiccupsRetry) {
  ON_CALL(host, credentials(kIntegrationId, 1)).WillByDefault(Return(failed(IHP_E_NOT_FOUND)));
  EXPECT_EQ(hooks.event(IHP_EVENT_ISSUE_ASSIGNED, EventJson().config(kAssignmentConfig).unassigned().json()).status,
            IHP_E_PERMANENT);
  ON_CALL(host, credentials(kIntegrationId, 1)).WillByDefault(Return(failed(IHP_E_FORBIDDEN)));
  EXPECT_EQ(hooks.event(IHP_EVENT_ISSUE_ASSIGNED, EventJson().config(kAssignmentConfig).unassigned().json()).status,
            IHP_E_PERMANENT);
  ON_CALL(host, credentials(kIntegrationId, 1)).WillByDefault(Return(failed(IHP_E_RETRY)));
  EXPECT_EQ(hooks.event(IHP_EVENT_ISSUE_ASSIGNED, EventJson().config(kAssignmentConfig).unassigned().json()).status, IHP_E_RETRY);
}

TEST_F(OutboundAssigneeTest, MalformedEventIsPermanent) {
  for (const char* json : {"", "[]", "{}", R"({"organizationId":1,"integrationId":7})"}) {
    auto outcome = hooks.event(IHP_EVENT_ISSUE_ASSIGNED, json);
    EXPECT_EQ(outcome.status, IHP_E_PERMANENT) << json;
    EXPECT_EQ(outcome.reply.error, "malformed outbound event");
  }
}

TEST_F(OutboundAssigneeTest, UnknownEventTypesAreDone) {
  EXPECT_EQ(hooks.event(99, EventJson().config(kAssignmentConfig).json()).status, IHP_OK);
  EXPECT_TRUE(host.http.requests().empty());
}

TEST_F(OutboundAssigneeTest, NoCredentialIsLogged) {
  host.http.on("GET", searchUrl("bob%40example.test"), respond(401, "x"));
  assign({"bob@example.test"});
  for (const char* secret : {kAccessToken, kAccessSecret, "MIIBfake"}) expectNeverLogged(secret);
}

}  // namespace
}  // namespace ih::jira::testing
