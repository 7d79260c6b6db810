// Outbound status (handle_event ISSUE_STATUS_CHANGED): the per-project
// mapping from the event's config snapshot, the current status, the
// transitions (cached 240 s, `to` optional), the watermark after a
// transition and the failure policy.
#include "support/outbound_fixtures.h"

namespace ih::jira::testing {
namespace {

using ::testing::_;
using ::testing::Return;

const std::string kIssueUrl = api("/issue/OPS-1");
const std::string kTransitionsUrl = api("/issue/OPS-1/transitions");
const std::string kMapping = R"({"sync_status_forward":{"10000":{"on_resolve":"10001","on_unresolve":"1"}}})";

class OutboundStatusTest : public OutboundTest {
 protected:
  // Jira shows OPS-1 in Open (project 10000).
  void answerTicket() { host.http.on("GET", kIssueUrl, respond(200, jiraIssue("OPS-1", "Disk full", "10000", "1"))); }
  // Jira lists the transitions of OPS-1.
  void answerTransitions() {
    host.http.on("GET", kTransitionsUrl,
                 respond(200, transitionsJson({{"11", "3"}, {"31", "10001"}, {"41", "10001"}})));
  }
  // Jira performs a transition.
  void acceptTransition() { host.http.on("POST", kTransitionsUrl, respond(204)); }
  // A whole transition: the ticket, its transitions, the POST.
  void answerATransition() {
    answerTicket();
    answerTransitions();
    acceptTransition();
  }
  Outcome changed(bool resolved, const std::string& config = kMapping) {
    return hooks.event(IHP_EVENT_ISSUE_STATUS_CHANGED, EventJson().config(config).resolved(resolved).json());
  }
  std::vector<std::string> postedBodies() const {
    std::vector<std::string> bodies;
    for (const auto& request : host.http.requestsTo("POST", kTransitionsUrl)) bodies.push_back(request.body);
    return bodies;
  }
};

TEST_F(OutboundStatusTest, ResolvePostsTheFirstTransitionToTheMappedStatus) {
  answerATransition();
  auto outcome = changed(true);
  EXPECT_EQ(outcome.status, IHP_OK) << outcome.reply.error;
  EXPECT_EQ(postedBodies(), std::vector<std::string>{R"({"transition":{"id":"31"}})"});
}

TEST_F(OutboundStatusTest, AfterTheTransitionTheStatusWatermarkMovesToTheTicketsNewTime) {
  answerATransition();
  EXPECT_CALL(host, watermarkAdvance(1, kIntegrationId, "OPS-1", IHP_WATERMARK_STATUS, kTicketUpdatedMs))
      .WillOnce(Return(IHP_OK));
  EXPECT_EQ(changed(true).status, IHP_OK);
  const auto& requests = host.http.requests();
  ASSERT_FALSE(requests.empty());
  EXPECT_EQ(requests.back().method + " " + requests.back().url, "GET " + updatedUrl()) << "read after the POST";
}

// A Jira user moved the ticket on between the transition and the read of its
// time: `updated` is that user's change, and a mark there would make its own
// webhook stale. The mark stays, so that change still applies.
TEST_F(OutboundStatusTest, AMoveInJiraRightAfterTheTransitionKeepsTheMarkWhereItWas) {
  answerATransition();
  host.http.on("GET", updatedUrl(), updatedAnswerInStatus("3"));
  EXPECT_CALL(host, watermarkAdvance(_, _, _, _, _)).Times(0);
  EXPECT_EQ(changed(true).status, IHP_OK);
  EXPECT_EQ(postedBodies().size(), 1u);
  EXPECT_TRUE(host.anyLogContains("moved on to status 3 in Jira since the transition to 10001"));
}

TEST_F(OutboundStatusTest, TheTransitionStandsWhenItsNewTimeCannotBeRead) {
  host.http.on("GET", kIssueUrl, respond(200, jiraIssue("OPS-1", "Disk full", "10000", "1")));
  host.http.on("GET", kTransitionsUrl, respond(200, transitionsJson({{"31", "10001"}})));
  host.http.on("POST", kTransitionsUrl, respond(204));
  host.http.on("GET", updatedUrl(), transportFailure(IHP_E_TIMEOUT));
  EXPECT_CALL(host, watermarkAdvance(_, _, _, _, _)).Times(0);
  EXPECT_EQ(changed(true).status, IHP_OK);
  EXPECT_EQ(postedBodies().size(), 1u);
}

TEST_F(OutboundStatusTest, AlreadyInTheTargetStatusDoesNothing) {
  answerTicket();
  EXPECT_CALL(host, watermarkAdvance(_, _, _, _, _)).Times(0);
  EXPECT_EQ(changed(false).status, IHP_OK);  // on_unresolve = "1", the ticket is in "1"
  EXPECT_TRUE(never("GET", kTransitionsUrl));
  EXPECT_TRUE(never("GET", updatedUrl()));
  EXPECT_TRUE(postedBodies().empty());
}

TEST_F(OutboundStatusTest, NoTransitionToTheTargetLogsAWarningAndIsDone) {
  host.http.on("GET", kIssueUrl, respond(200, jiraIssue("OPS-1", "Disk full", "10000", "1")));
  host.http.on("GET", kTransitionsUrl, respond(200, transitionsJson({{"11", "3"}})));
  EXPECT_EQ(changed(true).status, IHP_OK);
  EXPECT_TRUE(postedBodies().empty());
  EXPECT_TRUE(host.anyLogContains("jira.status-sync-fail: issue=OPS-1 target=10001"));
}

TEST_F(OutboundStatusTest, ProjectWithoutMappingDoesNothing) {
  answerTicket();
  const std::string otherProject = R"({"sync_status_forward":{"20000":{"on_resolve":"10001","on_unresolve":"1"}}})";
  EXPECT_EQ(changed(true, otherProject).status, IHP_OK);
  EXPECT_TRUE(never("GET", kTransitionsUrl));
}

TEST_F(OutboundStatusTest, EmptyMappingInTheSnapshotIsOff) {
  for (const char* config : {"{}", R"({"sync_status_forward":{}})", R"({"sync_status_forward":true})"}) {
    EXPECT_EQ(changed(true, config).status, IHP_OK);
  }
  EXPECT_TRUE(host.http.requests().empty());
}

TEST_F(OutboundStatusTest, TransitionsWithoutToAreSkipped) {
  scriptUpdatedRead(host.http);
  host.http.on("GET", kIssueUrl, respond(200, jiraIssue("OPS-1", "Disk full", "10000", "1")));
  host.http.on("GET", kTransitionsUrl, respond(200, transitionsJson({{"21", ""}, {"31", "10001"}})));
  host.http.on("POST", kTransitionsUrl, respond(204));
  EXPECT_EQ(changed(true).status, IHP_OK);
  EXPECT_EQ(postedBodies(), std::vector<std::string>{R"({"transition":{"id":"31"}})"});
}

TEST_F(OutboundStatusTest, TransitionsAreCachedFor240SecondsPerIssue) {
  answerATransition();
  changed(true);
  host.clockMs += 239'000;
  changed(true);
  EXPECT_EQ(host.http.count("GET", kTransitionsUrl), 1u);
  EXPECT_EQ(host.http.count("GET", kIssueUrl), 2u);  // the issue itself is never cached
  host.clockMs += 1'000;
  changed(true);
  EXPECT_EQ(host.http.count("GET", kTransitionsUrl), 2u);
}

TEST_F(OutboundStatusTest, StaleCachedTransitionIsRefreshedOnceWhenJiraRefusesIt) {
  answerATransition();
  changed(true);  // caches [11->3, 31->10001, 41->10001]
  host.http.clear();
  scriptUpdatedRead(host.http);
  host.http.on("GET", kIssueUrl, respond(200, jiraIssue("OPS-1", "Disk full", "10000", "1")));
  host.http.on("POST", kTransitionsUrl, respond(400, R"({"errorMessages":["Workflow operation not valid"]})"));
  host.http.on("POST", kTransitionsUrl, respond(204));
  host.http.on("GET", kTransitionsUrl, respond(200, transitionsJson({{"51", "10001"}})));
  EXPECT_EQ(changed(true).status, IHP_OK);
  EXPECT_EQ(postedBodies(),
            (std::vector<std::string>{R"({"transition":{"id":"31"}})", R"({"transition":{"id":"51"}})"}));
}

TEST_F(OutboundStatusTest, UnreachableWhileListingTransitionsRetriesWithSentrysText) {
  host.http.on("GET", kIssueUrl, respond(200, jiraIssue("OPS-1", "Disk full", "10000", "1")));
  host.http.on("GET", kTransitionsUrl, transportFailure(IHP_E_UNREACHABLE));
  auto outcome = changed(true);
  EXPECT_EQ(outcome.status, IHP_E_RETRY);
  EXPECT_EQ(outcome.reply.error, "Could not reach host to get transitions.");
}

TEST_F(OutboundStatusTest, IssueGoneIsRecorded) {
  host.http.on("GET", kIssueUrl, respond(404, R"({"errorMessages":["Issue Does Not Exist"],"errors":{}})"));
  EXPECT_CALL(host, externalIssueMarkGone(1, kExternalIssueId, _)).WillOnce(Return(IHP_OK));
  EXPECT_EQ(changed(true).status, IHP_OK);
}

TEST_F(OutboundStatusTest, MarkingGoneRetriesWhenTheHostCannotWriteNow) {
  host.http.on("GET", kIssueUrl, respond(404, "{}"));
  ON_CALL(host, externalIssueMarkGone(_, _, _)).WillByDefault(Return(IHP_E_RETRY));
  EXPECT_EQ(changed(true).status, IHP_E_RETRY);
}

TEST_F(OutboundStatusTest, FailurePolicyMatchesTheOtherOutboundCalls) {
  host.http.on("GET", kIssueUrl, respond(200, jiraIssue("OPS-1", "Disk full", "10000", "1")));
  host.http.on("GET", kTransitionsUrl, respond(200, transitionsJson({{"31", "10001"}})));
  host.http.on("POST", kTransitionsUrl, respond(401, "no"));
  host.http.on("POST", kTransitionsUrl, respond(429, "later", {{"Retry-After", "2"}}));
  host.http.on("POST", kTransitionsUrl, respond(502, "gateway"));

  auto unauthorized = changed(true);
  EXPECT_EQ(unauthorized.status, IHP_E_PERMANENT);
  EXPECT_EQ(unauthorized.reply.error, "Insufficient permissions to transition Jira Server issue");
  auto limited = changed(true);
  EXPECT_EQ(limited.status, IHP_E_RETRY);
  EXPECT_EQ(limited.reply.retryAfterMs, std::optional<int64_t>(2000));
  EXPECT_EQ(changed(true).status, IHP_E_RETRY);
}

TEST_F(OutboundStatusTest, UnresolveUsesTheUnresolveTarget) {
  scriptUpdatedRead(host.http);
  host.http.on("GET", kIssueUrl, respond(200, jiraIssue("OPS-1", "Disk full", "10000", "10001")));
  host.http.on("GET", kTransitionsUrl, respond(200, transitionsJson({{"71", "1"}})));
  host.http.on("POST", kTransitionsUrl, respond(204));
  EXPECT_EQ(changed(false).status, IHP_OK);
  EXPECT_EQ(postedBodies(), std::vector<std::string>{R"({"transition":{"id":"71"}})"});
}

}  // namespace
}  // namespace ih::jira::testing

namespace ih::jira::testing {
namespace {

using ::testing::AllOf;
using ::testing::Field;
using ::testing::HasSubstr;

class OutboundStatusSyncLogTest : public OutboundTest {
 protected:
  Outcome resolve() {
    return hooks.event(IHP_EVENT_ISSUE_STATUS_CHANGED, EventJson().config(kMapping).resolved(true).json());
  }
};

// Jira's screen requires a field: retrying cannot fill it, so the job gives
// up at once and says which transition needs which field.
TEST_F(OutboundStatusSyncLogTest, ATransitionNeedingAFieldGivesUpAtOnceNamingIt) {
  host.http.on("GET", kIssueUrl, respond(200, jiraIssue("OPS-1", "Disk full", "10000", "1")));
  host.http.on("GET", kTransitionsUrl, respond(200, transitionsJson({{"31", "10001"}})));
  host.http.on("POST", kTransitionsUrl,
               respond(400, R"({"errorMessages":[],"errors":{"resolution":"Field 'resolution' is required"}})"));
  auto outcome = resolve();
  EXPECT_EQ(outcome.status, IHP_E_PERMANENT);
  EXPECT_EQ(outcome.reply.error, "transition 31 needs field resolution");
}

TEST_F(OutboundStatusSyncLogTest, AnAppliedTransitionIsWrittenToTheSyncLog) {
  host.http.on("GET", kIssueUrl, respond(200, jiraIssue("OPS-1", "Disk full", "10000", "1")));
  host.http.on("GET", kTransitionsUrl, respond(200, transitionsJson({{"31", "10001"}})));
  host.http.on("POST", kTransitionsUrl, respond(204));
  EXPECT_CALL(host, syncLogWrite(AllOf(Field(&SyncLogCall::direction, IHP_SYNC_OUTBOUND),
                                       Field(&SyncLogCall::outcome, IHP_SYNC_APPLIED),
                                       Field(&SyncLogCall::kind, "status"), Field(&SyncLogCall::externalKey, "OPS-1"),
                                       Field(&SyncLogCall::detail, "moved to status 10001 with transition 31"))));
  EXPECT_EQ(resolve().status, IHP_OK);
}

TEST_F(OutboundStatusSyncLogTest, AProjectWithoutMappingIsASkipInWords) {
  host.http.on("GET", kIssueUrl, respond(200, jiraIssue("OPS-1", "Disk full", "10000", "1")));
  EXPECT_CALL(host, syncLogWrite(AllOf(Field(&SyncLogCall::outcome, IHP_SYNC_SKIPPED),
                                       Field(&SyncLogCall::detail, HasSubstr("no status mapping for project 10000")))));
  const std::string otherProject = R"({"sync_status_forward":{"99999":{"on_resolve":"10001","on_unresolve":"1"}}})";
  auto outcome =
      hooks.event(IHP_EVENT_ISSUE_STATUS_CHANGED, EventJson().config(otherProject).resolved(true).json());
  EXPECT_EQ(outcome.status, IHP_OK);
}

}  // namespace
}  // namespace ih::jira::testing
