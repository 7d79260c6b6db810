// OutboundEvents: the gating matrix and the event payloads plugins receive.
#include <gtest/gtest.h>

#include <chrono>

#include "common/errors.h"
#include "ihp/plugin_abi.h"
#include "ihp/sdk/json.hpp"
#include "storage/integration_repositories.h"
#include "support/domain_fixture.h"

namespace ih::host::domain {
namespace {

namespace json = ihp::sdk::json;
using auth::Principal;
using storage::IssueStatus;

constexpr const char* kAllOn =
    R"({"sync_forward_assignment":true,"sync_status_forward":{"10000":{"on_resolve":"3","on_unresolve":"1"}},)"
    R"("sync_comments":true})";

class OutboundEventsTest : public ih::test::DomainTest {
 protected:
  void SetUp() override {
    DomainTest::SetUp();
    if (IsSkipped()) return;
    org_ = makeOrg("acme");
    alice_ = makeUser("alice@example.test", {{"alice@home.test", true}, {"alice@old.test", false}});
    makeTeam(org_.id, "core", {alice_.id});
    project_ = makeProject(org_.id, "api", {"core"});
    issue_ = makeIssue(org_.id, project_.id);
    jira_ = installIntegration(org_.id, "jira-1", kAllOn);
    ticket_ = linkTicket(org_.id, jira_.integration.id, issue_.id, "OPS-1");
  }
  bool assign(std::optional<int64_t> userId, const ChangeSource& source = ChangeSource::user(std::nullopt)) {
    return inTransaction([&](auto& uow) { return issues_->assign(uow, org_.id, issue_.id, userId, source); });
  }
  void setConfig(int64_t integrationId, const std::string& config) {
    inTransaction([&](auto& uow) { integrations_->replaceConfig(uow, org_.id, integrationId, config); });
  }
  // The one pending job's payload, parsed.
  json::Document onlyPayload() {
    const auto jobs = pendingJobs();
    EXPECT_EQ(jobs.size(), 1u);
    json::Document payload;
    if (!jobs.empty()) {
      EXPECT_TRUE(json::parseObject(jobs[0].payloadJson, payload));
    }
    return payload;
  }

  storage::Organization org_;
  storage::User alice_;
  storage::Project project_;
  storage::Issue issue_;
  OrgIntegrationView jira_;
  storage::ExternalIssue ticket_;
};

TEST_P(OutboundEventsTest, AssignmentEnqueuesOneOrderedJobWithTheDocumentedEvent) {
  ASSERT_TRUE(assign(alice_.id));
  const auto jobs = pendingJobs();
  ASSERT_EQ(jobs.size(), 1u);
  const auto& job = jobs[0];
  EXPECT_EQ(job.pluginKey, "jira_server");
  EXPECT_EQ(job.kind, "ihp.event");
  EXPECT_EQ(job.orderingKey, "external-issue:" + std::to_string(jira_.integration.id) + ":OPS-1");
  EXPECT_EQ(job.organizationId, org_.id);
  EXPECT_EQ(job.integrationId, jira_.integration.id);
  EXPECT_EQ(job.eventType, IHP_EVENT_ISSUE_ASSIGNED);  // findable by type, without reading the payload

  json::Document payload;
  ASSERT_TRUE(json::parseObject(job.payloadJson, payload));
  EXPECT_EQ(*json::int64(payload, "type"), IHP_EVENT_ISSUE_ASSIGNED);
  const auto& event = *json::member(payload, "event");
  EXPECT_EQ(*json::int64(event, "organizationId"), org_.id);
  EXPECT_EQ(*json::int64(event, "integrationId"), jira_.integration.id);
  EXPECT_EQ(json::stringify(*json::member(event, "config")), std::string(kAllOn));
  const auto& issue = *json::member(event, "issue");
  EXPECT_EQ(*json::int64(issue, "id"), issue_.id);
  EXPECT_EQ(json::stringOr(issue, "shortId"), "API-1");
  EXPECT_EQ(json::stringOr(issue, "title"), "Disk full");
  EXPECT_EQ(json::stringOr(issue, "status"), "unresolved");
  EXPECT_EQ(*json::int64(issue, "projectId"), project_.id);
  const auto& external = *json::member(event, "externalIssue");
  EXPECT_EQ(*json::int64(external, "id"), ticket_.id);
  EXPECT_EQ(json::stringOr(external, "key"), "OPS-1");
  const auto& assignee = *json::member(event, "assignee");
  EXPECT_EQ(*json::int64(assignee, "id"), alice_.id);
  EXPECT_EQ(json::stringOr(assignee, "email"), "alice@example.test");
  EXPECT_EQ(json::stringOr(assignee, "name"), "User alice@example.test");
  EXPECT_EQ(json::stringify(*json::member(assignee, "verifiedEmails")), R"(["alice@example.test","alice@home.test"])");
}

TEST_P(OutboundEventsTest, UnassignSendsANullAssignee) {
  ASSERT_TRUE(assign(alice_.id));
  ASSERT_TRUE(assign(std::nullopt));
  const auto jobs = pendingJobs();
  ASSERT_EQ(jobs.size(), 2u);
  json::Document payload;
  ASSERT_TRUE(json::parseObject(jobs[1].payloadJson, payload));
  EXPECT_TRUE(json::member(*json::member(payload, "event"), "assignee")->IsNull());
}

TEST_P(OutboundEventsTest, NoOpChangesSyncNothing) {
  ASSERT_TRUE(assign(alice_.id));
  ASSERT_FALSE(assign(alice_.id));
  ASSERT_FALSE(inTransaction([&](auto& uow) {
    return issues_->setStatus(uow, org_.id, issue_.id, IssueStatus::Unresolved, ChangeSource::user(std::nullopt));
  }));
  EXPECT_EQ(pendingJobs().size(), 1u);
}

TEST_P(OutboundEventsTest, EachDirectionFollowsItsOwnToggle) {
  setConfig(jira_.integration.id, R"({"sync_forward_assignment":false,"sync_status_forward":{},"sync_comments":""})");
  ASSERT_TRUE(assign(alice_.id));
  inTransaction([&](auto& uow) {
    issues_->setStatus(uow, org_.id, issue_.id, IssueStatus::Resolved, ChangeSource::user(std::nullopt));
  });
  inTransaction([&](auto& uow) { issues_->addComment(uow, org_.id, issue_.id, alice_.id, "hello"); });
  EXPECT_TRUE(pendingJobs().empty());
  // Python truthiness: a non-empty string or a mapping counts as on.
  setConfig(jira_.integration.id, R"({"sync_forward_assignment":"yes"})");
  ASSERT_TRUE(assign(std::nullopt));
  EXPECT_EQ(pendingJobs().size(), 1u);
}

TEST_P(OutboundEventsTest, DisabledPluginSyncsNothing) {
  setPluginEnabled(org_.id, false);
  ASSERT_TRUE(assign(alice_.id));
  EXPECT_TRUE(pendingJobs().empty());
}

TEST_P(OutboundEventsTest, TheSourceIntegrationNeverHearsItsOwnChange) {
  ASSERT_TRUE(assign(alice_.id, ChangeSource::integration(jira_.integration.id, "jira_server")));
  EXPECT_TRUE(pendingJobs().empty());
}

TEST_P(OutboundEventsTest, GoneTicketsAreSkipped) {
  inTransaction([&](auto& uow) { integrations_->markExternalIssueGone(uow, org_.id, ticket_.id, "404 from Jira"); });
  ASSERT_TRUE(assign(alice_.id));
  EXPECT_TRUE(pendingJobs().empty());
}

TEST_P(OutboundEventsTest, InactiveIntegrationOrLinkIsSkipped) {
  inTransaction([&](auto& uow) {
    storage::IntegrationRepository(uow).setStatus(jira_.integration.id, storage::IntegrationStatus::Disabled);
  });
  ASSERT_TRUE(assign(alice_.id));
  EXPECT_TRUE(pendingJobs().empty());
}

TEST_P(OutboundEventsTest, OnlyTheOtherIntegrationHearsAnInboundChange) {
  const auto other = installIntegration(org_.id, "jira-2", kAllOn);
  const auto otherTicket = linkTicket(org_.id, other.integration.id, issue_.id, "SUP-9");
  ASSERT_TRUE(assign(alice_.id, ChangeSource::integration(jira_.integration.id, "jira_server")));
  const auto jobs = pendingJobs();
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(jobs[0].integrationId, other.integration.id);
  EXPECT_EQ(jobs[0].orderingKey, "external-issue:" + std::to_string(other.integration.id) + ":SUP-9");
  json::Document payload;
  ASSERT_TRUE(json::parseObject(jobs[0].payloadJson, payload));
  EXPECT_EQ(*json::int64(*json::member(*json::member(payload, "event"), "externalIssue"), "id"), otherTicket.id);
  // A user's change reaches both.
  ASSERT_TRUE(assign(std::nullopt));
  EXPECT_EQ(pendingJobs().size(), 3u);
}

TEST_P(OutboundEventsTest, StatusEventsSayWhetherResolved) {
  inTransaction([&](auto& uow) {
    issues_->setStatus(uow, org_.id, issue_.id, IssueStatus::Resolved, ChangeSource::user(alice_.id));
  });
  auto payload = onlyPayload();
  EXPECT_EQ(*json::int64(payload, "type"), IHP_EVENT_ISSUE_STATUS_CHANGED);
  EXPECT_EQ(pendingJobs().at(0).eventType, IHP_EVENT_ISSUE_STATUS_CHANGED);
  const auto& event = *json::member(payload, "event");
  EXPECT_EQ(json::boolean(event, "resolved"), true);
  EXPECT_EQ(json::stringOr(*json::member(event, "issue"), "status"), "resolved");
}

TEST_P(OutboundEventsTest, CommentEventsCarryTextAuthorAndTheKnownRemoteId) {
  const auto comment =
      inTransaction([&](auto& uow) { return issues_->addComment(uow, org_.id, issue_.id, alice_.id, "Looking"); });
  auto created = onlyPayload();
  EXPECT_EQ(*json::int64(created, "type"), IHP_EVENT_COMMENT_CREATED);
  const auto& body = *json::member(*json::member(created, "event"), "comment");
  EXPECT_EQ(*json::int64(body, "id"), comment.id);
  EXPECT_EQ(json::stringOr(body, "text"), "Looking");
  EXPECT_EQ(json::stringify(*json::member(body, "author")),
            R"({"id":)" + std::to_string(alice_.id) + R"(,"name":"User alice@example.test"})");
  EXPECT_FALSE(json::member(body, "externalCommentId"));

  inTransaction([&](auto& uow) {
    integrations_->linkCommentExternal(uow, org_.id, comment.id, ticket_.id, "10042");
    issues_->editComment(uow, org_.id, issue_.id, comment.id, Principal::user(alice_.id), "Fixed");
  });
  const auto jobs = pendingJobs();
  ASSERT_EQ(jobs.size(), 2u);
  json::Document updated;
  ASSERT_TRUE(json::parseObject(jobs[1].payloadJson, updated));
  EXPECT_EQ(*json::int64(updated, "type"), IHP_EVENT_COMMENT_UPDATED);
  const auto& edited = *json::member(*json::member(updated, "event"), "comment");
  EXPECT_EQ(json::stringOr(edited, "text"), "Fixed");
  EXPECT_EQ(json::stringOr(edited, "externalCommentId"), "10042");
}

// An edit queued while the comment's own post job had not yet recorded the
// Jira id carries no id; when the edit's job runs (after the post job: same
// ordering key) the id recorded since is filled in, so the edit is not
// posted as a second comment.
TEST_P(OutboundEventsTest, ACommentEditLearnsTheRemoteIdRecordedBeforeItRuns) {
  const auto comment =
      inTransaction([&](auto& uow) { return issues_->addComment(uow, org_.id, issue_.id, alice_.id, "Looking"); });
  inTransaction([&](auto& uow) {
    issues_->editComment(uow, org_.id, issue_.id, comment.id, Principal::user(alice_.id), "Fixed");
  });
  const auto jobs = pendingJobs();
  ASSERT_EQ(jobs.size(), 2u);
  json::Document queued;
  ASSERT_TRUE(json::parseObject(jobs[1].payloadJson, queued));
  const std::string editEvent = json::stringify(*json::member(queued, "event"));
  EXPECT_EQ(editEvent.find("externalCommentId"), std::string::npos);

  auto uow = db().begin();
  EXPECT_EQ(eventJsonForRun(*uow, IHP_EVENT_COMMENT_UPDATED, editEvent), editEvent);  // still unknown: unchanged
  integrations_->linkCommentExternal(*uow, org_.id, comment.id, ticket_.id, "10077");
  json::Document atRun;
  ASSERT_TRUE(json::parseObject(eventJsonForRun(*uow, IHP_EVENT_COMMENT_UPDATED, editEvent), atRun));
  const auto& body = *json::member(atRun, "comment");
  EXPECT_EQ(json::stringOr(body, "externalCommentId"), "10077");
  EXPECT_EQ(json::stringOr(body, "text"), "Fixed");
  // Other events and non-JSON payloads pass through untouched.
  EXPECT_EQ(eventJsonForRun(*uow, IHP_EVENT_COMMENT_CREATED, editEvent), editEvent);
  EXPECT_EQ(eventJsonForRun(*uow, IHP_EVENT_COMMENT_UPDATED, "not json"), "not json");
}

// The edit reaches Jira under the author's name, so only the author (or the
// superuser) may make it; anyone else is refused before anything changes.
TEST_P(OutboundEventsTest, OnlyTheAuthorOrTheSuperuserEditsAComment) {
  const auto bob = makeUser("bob@example.test");
  makeTeam(org_.id, "ops", {bob.id});
  const auto comment =
      inTransaction([&](auto& uow) { return issues_->addComment(uow, org_.id, issue_.id, alice_.id, "Mine"); });
  ASSERT_EQ(pendingJobs().size(), 1u);
  {
    auto uow = db().begin();
    EXPECT_THROW(issues_->editComment(*uow, org_.id, issue_.id, comment.id, Principal::user(bob.id), "Bob's words"),
                 ForbiddenError);
    uow->rollback();
  }
  EXPECT_EQ(pendingJobs().size(), 1u);  // nothing queued for Jira
  {
    auto uow = db().begin();
    EXPECT_EQ(storage::CommentRepository(*uow).find(org_.id, issue_.id, comment.id)->text, "Mine");
  }
  const auto bySuperuser = inTransaction([&](auto& uow) {
    return issues_->editComment(uow, org_.id, issue_.id, comment.id, Principal::admin(), "Moderated");
  });
  EXPECT_EQ(bySuperuser.text, "Moderated");
  EXPECT_EQ(pendingJobs().size(), 2u);

  // A comment the superuser wrote has no author among the users: only the superuser edits it.
  const auto adminNote =
      inTransaction([&](auto& uow) { return issues_->addComment(uow, org_.id, issue_.id, std::nullopt, "Admin"); });
  auto uow = db().begin();
  EXPECT_THROW(issues_->editComment(*uow, org_.id, issue_.id, adminNote.id, Principal::user(alice_.id), "x"),
               ForbiddenError);
}

TEST_P(OutboundEventsTest, EventsRollBackWithTheirChange) {
  {
    auto uow = db().begin();
    issues_->assign(*uow, org_.id, issue_.id, alice_.id, ChangeSource::user(std::nullopt));
    uow->rollback();
  }
  EXPECT_TRUE(pendingJobs().empty());
  EXPECT_FALSE(reload(issue_).assigneeUserId);
}

// The host answers "does this external issue get the event?" from its
// lookup cache of integrations, org links and enablement; a change made
// through the service is heard by the very next change of an issue.
TEST_P(OutboundEventsTest, SettingsChangedThroughTheServiceAreHeardDespiteTheLookupCache) {
  LookupCache cache(std::chrono::hours(1));
  IntegrationService integrations(clock_, secrets_, *jobs_, &cache);
  OutboundEvents outbound(*jobs_, integrations);
  IssueService issues(clock_, *directory_, outbound);
  const auto assignTo = [&](std::optional<int64_t> userId) {
    return inTransaction(
        [&](auto& uow) { return issues.assign(uow, org_.id, issue_.id, userId, ChangeSource::user(std::nullopt)); });
  };
  ASSERT_TRUE(assignTo(alice_.id));
  ASSERT_EQ(pendingJobs().size(), 1u);
  ASSERT_GT(cache.size(), 0u);  // what decided it is kept

  inTransaction([&](auto& uow) { integrations.setPluginEnabled(uow, org_.id, "jira_server", false); });
  ASSERT_TRUE(assignTo(std::nullopt));
  EXPECT_EQ(pendingJobs().size(), 1u);

  inTransaction([&](auto& uow) {
    integrations.setPluginEnabled(uow, org_.id, "jira_server", true);
    integrations.replaceConfig(uow, org_.id, jira_.integration.id, R"({"sync_forward_assignment":false})");
  });
  ASSERT_TRUE(assignTo(alice_.id));
  EXPECT_EQ(pendingJobs().size(), 1u);

  inTransaction([&](auto& uow) { integrations.replaceConfig(uow, org_.id, jira_.integration.id, kAllOn); });
  ASSERT_TRUE(assignTo(std::nullopt));
  EXPECT_EQ(pendingJobs().size(), 2u);
}

IH_INSTANTIATE_BACKENDS(OutboundEventsTest);

}  // namespace
}  // namespace ih::host::domain
