// What an authenticated delivery does: the payload matrix, the assignee
// handler (what it asks the host's shared inbound sync), the status fan-out
// (per-org gating, watermarks, durable jobs) and moved-issue re-keying.
#include <cstdint>

#include "ihp/sdk/timestamp.hpp"
#include "support/fake_crypto.h"
#include "support/plugin_test.h"

namespace ih::jira::testing {
namespace {

using ::testing::_;
using ::testing::AllOf;
using ::testing::Field;
using ::testing::InSequence;
using ::testing::Optional;
using ::testing::Return;

class WebhookSyncTest : public PluginTest {
 protected:
  void SetUp() override {
    ON_CALL(host, integrationFind(std::string(kExternalId))).WillByDefault(Return(ok(integrationRecord())));
  }
  Outcome deliver(const std::string& body) {
    return plugin.webhook(makeHs256Jwt(R"({"id":"jira.example.test:host-consumer"})", kWebhookSecret), body);
  }
  void givenOrgLinks(const std::vector<std::string>& links) {
    std::string array = "[";
    for (size_t i = 0; i < links.size(); ++i) array += (i ? "," : "") + links[i];
    ON_CALL(host, orgLinks(kIntegrationId)).WillByDefault(Return(ok(array + "]")));
  }
  void expectNoSideEffects() {
    EXPECT_CALL(host, syncAssigneeInbound(_)).Times(0);
    EXPECT_CALL(host, watermarkAdvance(_, _, _, _, _)).Times(0);
    EXPECT_CALL(host, enqueue(_)).Times(0);
    EXPECT_CALL(host, externalIssueRekey(_, _, _)).Times(0);
  }
};

// --- payload matrix ----------------------------------------------------------

TEST_F(WebhookSyncTest, BodyThatIsNotAJsonObjectIs400) {
  expectNoSideEffects();
  for (const char* body : {"", "not json", "[1,2]", "\"text\"", "{\"truncated\":"}) {
    EXPECT_EQ(deliver(body).reply.status, 400) << body;
  }
  // The token was valid, so the sender is Jira: it is told why, never shown its own payload.
  EXPECT_EQ(deliver("[1,2]").reply.body, R"({"detail":"Invalid payload: the body is not a JSON object"})");
  EXPECT_EQ(deliver("{\"a\":\"\xff\"}").reply.body,
            R"json({"detail":"Invalid payload: the body is not JSON: not valid UTF-8 (at byte 8)"})json");
}

TEST_F(WebhookSyncTest, CreatedEventWithoutChangelogIs200AndDoesNothing) {
  expectNoSideEffects();
  auto outcome = deliver(IssuePayload().event("jira:issue_created").noChangelog().json());
  EXPECT_EQ(outcome.status, IHP_OK);
  EXPECT_EQ(outcome.reply.status, 200);
  EXPECT_TRUE(outcome.reply.body.empty());
}

TEST_F(WebhookSyncTest, EmptyOrFalsyChangelogIs200) {
  expectNoSideEffects();
  for (const char* changelog : {"{}", "null", "false", "[]", "\"\""}) {
    std::string body = R"({"webhookEvent":"jira:issue_updated","issue":{"key":"OPS-1"},"changelog":)" +
                       std::string(changelog) + "}";
    EXPECT_EQ(deliver(body).reply.status, 200) << changelog;
  }
}

TEST_F(WebhookSyncTest, MalformedChangelogIs400WithAWarning) {
  expectNoSideEffects();
  for (const char* body : {R"({"issue":{"key":"OPS-1"},"changelog":{"id":"1"}})",
                           R"({"issue":{"key":"OPS-1"},"changelog":{"items":{"field":"assignee"}}})",
                           R"({"issue":{"key":"OPS-1"},"changelog":"yes"})",
                           R"({"issue":{"fields":{}},"changelog":{"items":[{"field":"assignee"}]}})",
                           R"({"issue":{"key":""},"changelog":{"items":[]}})",
                           R"({"changelog":{"items":[]}})",
                           R"({"issue":{"key":"OPS-1"},"changelog":{"items":[{"field":"assignee"}]}})",
                           R"({"issue":{"key":"OPS-1","fields":{"assignee":"bob"}},"changelog":{"items":[{"field":"assignee"}]}})",
                           R"({"issue":{"key":"OPS-1","fields":[]},"changelog":{"items":[]}})",
                           R"({"issue":{"key":"OPS-1"},"changelog":{"items":[7]}})"}) {
    host.logs.clear();
    Outcome outcome = deliver(body);
    EXPECT_EQ(outcome.reply.status, 400) << body;
    EXPECT_THAT(outcome.reply.body, ::testing::StartsWith(R"({"detail":"Malformed payload: )")) << body;
    EXPECT_TRUE(host.anyLogContains("malformed-payload")) << body;
  }
}

TEST_F(WebhookSyncTest, PayloadWithoutAssigneeOrStatusIs200AndDoesNothing) {
  expectNoSideEffects();
  EXPECT_EQ(deliver(IssuePayload().noAssigneeField().json()).reply.status, 200);
}

// Every event is the ticket's state at its time: its assignee and status
// count (and advance their marks) whatever its changelog names.
TEST_F(WebhookSyncTest, AnEventIsASnapshotWhateverItsChangelogNames) {
  givenOrgLinks({orgLink(1, true, R"({"sync_status_reverse":true})")});
  EXPECT_CALL(host, syncAssigneeInbound(AllOf(Field(&AssigneeSyncCall::email, Optional(std::string("bob@example.test"))),
                                              Field(&AssigneeSyncCall::eventTimeMs, kUpdatedMs))));
  EXPECT_CALL(host, watermarkAdvance(1, kIntegrationId, "OPS-1", IHP_WATERMARK_STATUS, kUpdatedMs));
  EXPECT_CALL(host, syncStatusInbound(AllOf(Field(&StatusSyncCall::externalKey, "OPS-1"),
                                            Field(&StatusSyncCall::action, IHP_STATUS_ACTION_RESOLVE))));
  EXPECT_CALL(host, enqueue(_)).Times(0);
  EXPECT_EQ(deliver(IssuePayload().status("10202", "done").json()).reply.status, 200);
}

TEST_F(WebhookSyncTest, FieldsStatusWinsOverTheChangelogsTarget) {
  givenOrgLinks({orgLink(1, true, R"({"sync_status_reverse":true})")});
  EXPECT_CALL(host, enqueue(_)).WillOnce([](const JobCall& job) {
    auto payload = parseJson(job.payloadJson);
    EXPECT_EQ(jsonString(payload, "statusId"), "6");
    EXPECT_EQ(jsonString(payload, "categoryKey"), "") << "not in the payload: the job reads Jira's list";
    return IHP_OK;
  });
  deliver(IssuePayload().changeStatus("3", "10201").status("6", "").json());
}

// --- assignee ------------------------------------------------------------------

TEST_F(WebhookSyncTest, AssigneeWithEmailAssignsByThatEmailAtTheUpdatedTime) {
  EXPECT_CALL(host, syncAssigneeInbound(AllOf(
                        Field(&AssigneeSyncCall::integrationId, kIntegrationId),
                        Field(&AssigneeSyncCall::externalKey, "OPS-1"), Field(&AssigneeSyncCall::assign, true),
                        Field(&AssigneeSyncCall::email, Optional(std::string("bob@example.test"))),
                        Field(&AssigneeSyncCall::eventTimeMs, kUpdatedMs))));
  EXPECT_EQ(deliver(IssuePayload().changeAssignee().json()).reply.status, 200);
}

// Jira hides the email: the host gets the Jira name and key instead, and its
// user mapping decides (the email field stays absent, never guessed).
TEST_F(WebhookSyncTest, HiddenEmailAssignsByTheJiraNameAndKey) {
  EXPECT_CALL(host, syncAssigneeInbound(AllOf(
                        Field(&AssigneeSyncCall::assign, true), Field(&AssigneeSyncCall::email, std::nullopt),
                        Field(&AssigneeSyncCall::remoteUser, Optional(std::string("bob"))),
                        Field(&AssigneeSyncCall::remoteUserKey, Optional(std::string("JIRAUSER10200"))))));
  EXPECT_EQ(deliver(IssuePayload().changeAssignee().assigneeWithoutEmail().json()).reply.status, 200);
}

// A host older than ABI 1.3 has no user mappings and would refuse an
// assignment without an email, failing the whole delivery: the issue keeps
// its assignee, and the rest of the delivery still applies.
TEST_F(WebhookSyncTest, HiddenEmailOnAHostWithoutUserMappingsKeepsTheAssignee) {
  PluginHarness olderHost(host, /*hostHasRekey=*/true, /*hostMinor=*/2);
  EXPECT_CALL(host, syncAssigneeInbound(_)).Times(0);
  EXPECT_CALL(host, watermarkAdvance(_, _, _, IHP_WATERMARK_ASSIGNEE, kUpdatedMs)).Times(::testing::AtLeast(1));
  givenOrgLinks({orgLink(1, true, R"({"sync_reverse_assignment":true})")});
  const Outcome outcome = olderHost.webhook(makeHs256Jwt(R"({"id":"jira.example.test:host-consumer"})", kWebhookSecret),
                                            IssuePayload().changeAssignee().assigneeWithoutEmail().json());
  EXPECT_EQ(outcome.status, IHP_OK);
  EXPECT_EQ(outcome.reply.status, 200);
}

TEST_F(WebhookSyncTest, NullAssigneeUnassigns) {
  EXPECT_CALL(host, syncAssigneeInbound(AllOf(Field(&AssigneeSyncCall::assign, false),
                                              Field(&AssigneeSyncCall::email, std::nullopt))));
  EXPECT_EQ(deliver(IssuePayload().changeAssignee().unassigned().json()).reply.status, 200);
}

TEST_F(WebhookSyncTest, AbsentAssigneeUnassigns) {
  EXPECT_CALL(host, syncAssigneeInbound(Field(&AssigneeSyncCall::assign, false)));
  EXPECT_EQ(deliver(IssuePayload().changeAssignee().noAssigneeField().json()).reply.status, 200);
}

TEST_F(WebhookSyncTest, NoAssigneeFieldNorItemMeansNoAssigneeSync) {
  EXPECT_CALL(host, syncAssigneeInbound(_)).Times(0);
  EXPECT_EQ(deliver(IssuePayload().noAssigneeField().changeStatus("1", "3").json()).reply.status, 200);
}

TEST_F(WebhookSyncTest, AStatusEventCarriesTheAssigneeToo) {
  EXPECT_CALL(host, syncAssigneeInbound(Field(&AssigneeSyncCall::email, Optional(std::string("bob@example.test")))));
  EXPECT_EQ(deliver(IssuePayload().changeStatus("1", "3").json()).reply.status, 200);
}

TEST_F(WebhookSyncTest, ChangelogUserKeysAreNeverUsedAsEmails) {
  // from/to are JIRAUSER keys; only fields.assignee.emailAddress counts.
  EXPECT_CALL(host, syncAssigneeInbound(Field(&AssigneeSyncCall::email, Optional(std::string("carol@example.test")))));
  deliver(IssuePayload().changeAssignee().assignee("carol@example.test").json());
}

TEST_F(WebhookSyncTest, EventTimeFallsBackToTheTimestampThenUnknown) {
  {
    InSequence order;
    EXPECT_CALL(host, syncAssigneeInbound(Field(&AssigneeSyncCall::eventTimeMs, 1718010800999)));
    EXPECT_CALL(host, syncAssigneeInbound(Field(&AssigneeSyncCall::eventTimeMs, 0)));
  }
  deliver(IssuePayload().changeAssignee().updated(std::nullopt).json());
  deliver(IssuePayload().changeAssignee().updated(std::nullopt).timestamp(std::nullopt).json());
}

// fields.updated orders the ticket's changes: one that is there but is not a
// time is refused, never replaced by a guess (the delivery's timestamp).
TEST_F(WebhookSyncTest, AnUpdatedTimeThatDoesNotParseIs400) {
  expectNoSideEffects();
  for (const char* updated : {"last tuesday", "2024-06-10T09:13:20.123+25:00", "2024-02-30T00:00:00.000+0000", ""}) {
    EXPECT_EQ(deliver(IssuePayload().changeAssignee().updated(updated).json()).reply.status, 400) << updated;
  }
  std::string numeric = IssuePayload().changeAssignee().updated(std::nullopt).json();
  numeric.replace(numeric.find(R"("fields":{)"), 10, R"("fields":{"updated":1718010800999,)");
  EXPECT_EQ(deliver(numeric).reply.status, 400);
  EXPECT_TRUE(host.anyLogContains("issue.fields.updated is not a time"));
}

// A sender dated far ahead would move the ticket's watermark there and freeze
// its inbound sync; more than a day ahead of the host's clock moves nothing.
TEST_F(WebhookSyncTest, ADeliveryDatedMoreThanADayAheadMovesNothing) {
  expectNoSideEffects();
  const int64_t dayAhead = host.clockMs + 24LL * 60 * 60 * 1000;
  const std::string farUpdated = ihp::sdk::timestamp::formatMs(dayAhead + 1000, ihp::sdk::timestamp::UtcSuffix::NumericOffset);
  EXPECT_EQ(deliver(IssuePayload().changeAssignee().updated(farUpdated).json()).reply.status, 400);
  EXPECT_EQ(deliver(IssuePayload().changeAssignee().timestamp(INT64_MAX).json()).reply.status, 400);
  EXPECT_EQ(deliver(IssuePayload().changeStatus("1", "3").updated(std::nullopt).timestamp(dayAhead + 1).json())
                .reply.status,
            400);
  EXPECT_TRUE(host.anyLogContains("future-time: issue=OPS-1"));
}

TEST_F(WebhookSyncTest, ADeliveryUpToADayAheadIsAccepted) {
  const int64_t dayAhead = host.clockMs + 24LL * 60 * 60 * 1000;
  EXPECT_CALL(host, syncAssigneeInbound(Field(&AssigneeSyncCall::eventTimeMs, dayAhead)));
  const std::string updated = ihp::sdk::timestamp::formatMs(dayAhead, ihp::sdk::timestamp::UtcSuffix::NumericOffset);
  EXPECT_EQ(deliver(IssuePayload().changeAssignee().updated(updated).timestamp(dayAhead).json()).reply.status, 200);
}

TEST_F(WebhookSyncTest, AssigneeIsOneHostCallWhateverTheOrgs) {
  // Org gating (plugin enabled, sync_reverse_assignment), the verified-email
  // and project-team match and the watermark are the host's: the plugin asks
  // once per delivery and never reads org links for the assignee.
  givenOrgLinks({orgLink(1, true, R"({"sync_reverse_assignment":true})"),
                 orgLink(2, false, R"({"sync_reverse_assignment":true})")});
  EXPECT_CALL(host, orgLinks(_)).Times(0);
  EXPECT_CALL(host, syncAssigneeInbound(_)).Times(1);
  EXPECT_EQ(deliver(IssuePayload().changeAssignee().json()).reply.status, 200);
}

TEST_F(WebhookSyncTest, StaleOrUnmatchedAssigneeIsStillASuccessfulDelivery) {
  ON_CALL(host, syncAssigneeInbound(_))
      .WillByDefault(Return(ok(R"({"affected":2,"assigned":0,"unassigned":0,"unchanged":0,"stale":1,"userNotFound":1})")));
  EXPECT_EQ(deliver(IssuePayload().changeAssignee().json()).reply.status, 200);
}

TEST_F(WebhookSyncTest, AssigneeHostFailureIs500) {
  ON_CALL(host, syncAssigneeInbound(_)).WillByDefault(Return(failed(IHP_E_INTERNAL)));
  EXPECT_CALL(host, enqueue(_)).Times(0);
  givenOrgLinks({orgLink(1, true, R"({"sync_status_reverse":true})")});
  EXPECT_EQ(deliver(IssuePayload().changeAssignee().changeStatus("1", "10001").json()).reply.status, 500);
}

// --- status fan-out ----------------------------------------------------------

TEST_F(WebhookSyncTest, StatusChangeEnqueuesOneJobPerEligibleOrg) {
  givenOrgLinks({orgLink(1, true, R"({"sync_status_reverse":true})"),
                 orgLink(2, true, R"({"sync_status_reverse":false,"sync_reverse_assignment":true})"),
                 orgLink(3, false, R"({"sync_status_reverse":true})"),
                 orgLink(4, true, R"({})"),
                 orgLink(5, true, R"({"sync_status_reverse":1})")});
  EXPECT_CALL(host, watermarkAdvance(1, kIntegrationId, "OPS-1", IHP_WATERMARK_STATUS, kUpdatedMs));
  EXPECT_CALL(host, watermarkAdvance(5, kIntegrationId, "OPS-1", IHP_WATERMARK_STATUS, kUpdatedMs));
  EXPECT_CALL(host, watermarkAdvance(2, _, _, _, _)).Times(0);
  EXPECT_CALL(host, watermarkAdvance(3, _, _, _, _)).Times(0);
  EXPECT_CALL(host, watermarkAdvance(4, _, _, _, _)).Times(0);
  std::vector<JobCall> jobs;
  EXPECT_CALL(host, enqueue(_)).Times(2).WillRepeatedly([&jobs](const JobCall& job) {
    jobs.push_back(job);
    return IHP_OK;
  });

  EXPECT_EQ(deliver(IssuePayload().changeStatus("1", "10001").json()).reply.status, 200);
  ASSERT_EQ(jobs.size(), 2u);
  EXPECT_EQ(jobs[0].kind, "status_inbound");
  EXPECT_EQ(jobs[0].organizationId, 1);
  EXPECT_EQ(jobs[0].integrationId, kIntegrationId);
  EXPECT_EQ(jobs[0].orderingKey, std::optional<std::string>("external-issue:7:OPS-1"));
  auto payload = parseJson(jobs[0].payloadJson);
  EXPECT_EQ(jsonAt(payload, "integrationId")->GetInt64(), kIntegrationId);
  EXPECT_EQ(jsonAt(payload, "organizationId")->GetInt64(), 1);
  EXPECT_EQ(jsonString(payload, "issueKey"), "OPS-1");
  EXPECT_EQ(jsonString(payload, "statusId"), "10001");
  EXPECT_EQ(jsonAt(payload, "eventTimeMs")->GetInt64(), kUpdatedMs) << "so a late run can see a newer status";
  EXPECT_EQ(jobs[1].organizationId, 5);
}

// With the category in the payload nothing needs Jira: the status is applied
// in the delivery, held back by the host while a job of the ticket is queued.
TEST_F(WebhookSyncTest, AStatusWithItsCategoryIsAppliedAtOnceUnlessAJobOfTheTicketIsQueued) {
  givenOrgLinks({orgLink(1, true, R"({"sync_status_reverse":true})"),
                 orgLink(2, true, R"({"sync_status_reverse":true})")});
  EXPECT_CALL(host, syncStatusInbound(AllOf(Field(&StatusSyncCall::organizationId, 1),
                                            Field(&StatusSyncCall::action, IHP_STATUS_ACTION_RESOLVE),
                                            Field(&StatusSyncCall::flags, IHP_STATUS_SYNC_UNLESS_QUEUED))))
      .WillOnce(Return(ok(R"({"affected":1,"changed":1})")));
  EXPECT_CALL(host, syncStatusInbound(Field(&StatusSyncCall::organizationId, 2)))
      .WillOnce(Return(failed(IHP_E_CONFLICT)));
  std::vector<JobCall> jobs;
  EXPECT_CALL(host, enqueue(_)).WillOnce([&jobs](const JobCall& job) {
    jobs.push_back(job);
    return IHP_OK;
  });
  EXPECT_CALL(host, syncLogWrite(Field(&SyncLogCall::organizationId, 1)));

  EXPECT_EQ(deliver(IssuePayload().changeStatus("1", "10001").status("10001", "done").json()).reply.status, 200);
  ASSERT_EQ(jobs.size(), 1u) << "org 2 had a job of the ticket queued: its change goes behind it";
  EXPECT_EQ(jobs[0].organizationId, 2);
  EXPECT_NE(jobs[0].payloadJson.find(R"("categoryKey":"done")"), std::string::npos) << jobs[0].payloadJson;
}

TEST_F(WebhookSyncTest, AStatusAppliedAtOnceThatTheHostRefusesIs500) {
  givenOrgLinks({orgLink(1, true, R"({"sync_status_reverse":true})")});
  EXPECT_CALL(host, syncStatusInbound(_)).WillOnce(Return(failed(IHP_E_INTERNAL)));
  EXPECT_CALL(host, enqueue(_)).Times(0);
  EXPECT_EQ(deliver(IssuePayload().changeStatus("1", "10001").status("10001", "new").json()).reply.status, 500);
}

TEST_F(WebhookSyncTest, StaleDuplicateOrUnlinkedOrgsAreSkipped) {
  givenOrgLinks({orgLink(1, true, R"({"sync_status_reverse":true})"),
                 orgLink(2, true, R"({"sync_status_reverse":true})"),
                 orgLink(3, true, R"({"sync_status_reverse":true})")});
  ON_CALL(host, watermarkAdvance(1, _, _, _, _)).WillByDefault(Return(IHP_E_CONFLICT));
  ON_CALL(host, watermarkAdvance(2, _, _, _, _)).WillByDefault(Return(IHP_E_NOT_FOUND));
  EXPECT_CALL(host, enqueue(Field(&JobCall::organizationId, 3))).Times(1);
  EXPECT_EQ(deliver(IssuePayload().changeStatus("1", "10001").json()).reply.status, 200);
}

TEST_F(WebhookSyncTest, RedeliveredPayloadEnqueuesNothingTheSecondTime) {
  givenOrgLinks({orgLink(1, true, R"({"sync_status_reverse":true})")});
  EXPECT_CALL(host, watermarkAdvance(1, _, _, IHP_WATERMARK_STATUS, kUpdatedMs))
      .WillOnce(Return(IHP_OK))
      .WillOnce(Return(IHP_E_CONFLICT));
  EXPECT_CALL(host, enqueue(_)).Times(1);
  const std::string body = IssuePayload().changeStatus("1", "10001").json();
  EXPECT_EQ(deliver(body).reply.status, 200);
  EXPECT_EQ(deliver(body).reply.status, 200);
}

TEST_F(WebhookSyncTest, OnlyTheFirstStatusItemCounts) {
  givenOrgLinks({orgLink(1, true, R"({"sync_status_reverse":true})")});
  EXPECT_CALL(host, enqueue(_)).WillOnce([](const JobCall& job) {
    EXPECT_NE(job.payloadJson.find(R"("statusId":"3")"), std::string::npos) << job.payloadJson;
    return IHP_OK;
  });
  deliver(IssuePayload().changeStatus("1", "3").changeStatus("3", "10001").json());
}

TEST_F(WebhookSyncTest, StatusWithoutEventTimeHasNoOrderingGuard) {
  givenOrgLinks({orgLink(1, true, R"({"sync_status_reverse":true})")});
  EXPECT_CALL(host, watermarkAdvance(_, _, _, _, _)).Times(0);
  EXPECT_CALL(host, enqueue(_)).Times(1);
  deliver(IssuePayload().changeStatus("1", "10001").updated(std::nullopt).timestamp(std::nullopt).json());
}

TEST_F(WebhookSyncTest, StatusHostFailuresAre500) {
  givenOrgLinks({orgLink(1, true, R"({"sync_status_reverse":true})")});
  const std::string body = IssuePayload().changeStatus("1", "10001").json();

  ON_CALL(host, enqueue(_)).WillByDefault(Return(IHP_E_INTERNAL));
  EXPECT_EQ(deliver(body).reply.status, 500);

  ON_CALL(host, enqueue(_)).WillByDefault(Return(IHP_OK));
  ON_CALL(host, watermarkAdvance(_, _, _, _, _)).WillByDefault(Return(IHP_E_INTERNAL));
  EXPECT_EQ(deliver(body).reply.status, 500);

  ON_CALL(host, orgLinks(_)).WillByDefault(Return(failed(IHP_E_RETRY)));
  EXPECT_EQ(deliver(body).reply.status, 500);

  ON_CALL(host, orgLinks(_)).WillByDefault(Return(ok("{}")));
  EXPECT_EQ(deliver(body).reply.status, 500);
}

TEST_F(WebhookSyncTest, AssigneeRunsBeforeStatus) {
  givenOrgLinks({orgLink(1, true, R"({"sync_status_reverse":true})")});
  InSequence order;
  EXPECT_CALL(host, syncAssigneeInbound(_));
  EXPECT_CALL(host, orgLinks(kIntegrationId));
  EXPECT_CALL(host, enqueue(_));
  EXPECT_EQ(deliver(IssuePayload().changeStatus("1", "10001").changeAssignee().json()).reply.status, 200);
}

// --- moved issues --------------------------------------------------------------

TEST_F(WebhookSyncTest, MovedIssueIsReKeyedBeforeTheHandlers) {
  givenOrgLinks({orgLink(1, true, R"({"sync_status_reverse":true})")});
  InSequence order;
  EXPECT_CALL(host, externalIssueRekey(kIntegrationId, "OPS-1", "APP-9"));
  EXPECT_CALL(host, syncAssigneeInbound(Field(&AssigneeSyncCall::externalKey, "APP-9")));
  EXPECT_CALL(host, watermarkAdvance(1, kIntegrationId, "APP-9", IHP_WATERMARK_STATUS, _));
  EXPECT_CALL(host, enqueue(Field(&JobCall::orderingKey, Optional(std::string("external-issue:7:APP-9")))));
  auto body = IssuePayload().key("APP-9").move("OPS-1", "APP-9").changeAssignee().changeStatus("1", "10001").json();
  EXPECT_EQ(deliver(body).reply.status, 200);
}

TEST_F(WebhookSyncTest, ReKeyOutcomesThatAreNotFailures) {
  for (ihp_status status : {IHP_E_NOT_FOUND, IHP_E_CONFLICT}) {
    ON_CALL(host, externalIssueRekey(_, _, _)).WillByDefault(Return(status));
    EXPECT_EQ(deliver(IssuePayload().key("APP-9").move("OPS-1", "APP-9").json()).reply.status, 200);
  }
}

TEST_F(WebhookSyncTest, ReKeyFailureIs500AndStopsTheHandlers) {
  ON_CALL(host, externalIssueRekey(_, _, _)).WillByDefault(Return(IHP_E_INTERNAL));
  EXPECT_CALL(host, syncAssigneeInbound(_)).Times(0);
  auto body = IssuePayload().key("APP-9").move("OPS-1", "APP-9").changeAssignee().json();
  EXPECT_EQ(deliver(body).reply.status, 500);
}

TEST(WebhookSyncOlderHost, WithoutTheReKeyServiceTheHandlersStillRun) {
  ::testing::NiceMock<MockHost> host;
  PluginHarness plugin(host, /*hostHasRekey=*/false);
  ON_CALL(host, integrationFind(std::string(kExternalId))).WillByDefault(Return(ok(integrationRecord())));
  EXPECT_CALL(host, externalIssueRekey(_, _, _)).Times(0);
  EXPECT_CALL(host, syncAssigneeInbound(Field(&AssigneeSyncCall::externalKey, "APP-9")));
  auto body = IssuePayload().key("APP-9").move("OPS-1", "APP-9").changeAssignee().json();
  auto outcome = plugin.webhook(makeHs256Jwt(R"({"id":"jira.example.test:host-consumer"})", kWebhookSecret), body);
  EXPECT_EQ(outcome.reply.status, 200);
  EXPECT_TRUE(host.anyLogContains("cannot re-key"));
}

// A 1.3 host would apply the change even with a job of the ticket queued,
// so there every status goes through a job, category or not.
TEST(WebhookSyncOlderHost, BeforeAbiOneFourEveryStatusIsQueued) {
  ::testing::NiceMock<MockHost> host;
  PluginHarness plugin(host, /*hostHasRekey=*/true, /*hostMinor=*/3);
  ON_CALL(host, integrationFind(std::string(kExternalId))).WillByDefault(Return(ok(integrationRecord())));
  ON_CALL(host, orgLinks(kIntegrationId)).WillByDefault(Return(ok("[" + orgLink(1, true, R"({"sync_status_reverse":true})") + "]")));
  EXPECT_CALL(host, syncStatusInbound(_)).Times(0);
  EXPECT_CALL(host, enqueue(Field(&JobCall::kind, "status_inbound")));
  auto body = IssuePayload().changeStatus("1", "10001").status("10001", "done").json();
  EXPECT_EQ(plugin.webhook(makeHs256Jwt(R"({"id":"jira.example.test:host-consumer"})", kWebhookSecret), body).reply.status,
            200);
}

}  // namespace
}  // namespace ih::jira::testing
