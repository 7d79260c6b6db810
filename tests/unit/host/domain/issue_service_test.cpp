// IssueService: short ids, assignment and status rules, activities,
// comments, and the no-op rules (nothing written, nothing synced).
#include <gtest/gtest.h>

#include "common/errors.h"
#include "support/domain_fixture.h"
#include "support/expect_errors.h"

namespace ih::host::domain {
namespace {

using auth::Principal;
using ih::test::throwsFieldError;
using storage::IssueStatus;

class IssueServiceTest : public ih::test::DomainTest {
 protected:
  void SetUp() override {
    DomainTest::SetUp();
    if (IsSkipped()) return;
    org_ = makeOrg("acme");
    alice_ = makeUser("alice@example.test");
    bob_ = makeUser("bob@example.test");
    makeTeam(org_.id, "core", {alice_.id, bob_.id});
    project_ = makeProject(org_.id, "web-api", {"core"});
    issue_ = makeIssue(org_.id, project_.id);
  }
  bool assign(std::optional<int64_t> userId, const ChangeSource& source = ChangeSource::user(std::nullopt)) {
    return inTransaction([&](auto& uow) { return issues_->assign(uow, org_.id, issue_.id, userId, source); });
  }
  bool setStatus(IssueStatus status, ResolutionMode mode = ResolutionMode::Plain,
                 const ChangeSource& source = ChangeSource::user(std::nullopt)) {
    return inTransaction([&](auto& uow) { return issues_->setStatus(uow, org_.id, issue_.id, status, source, mode); });
  }
  std::string aliceData() const {
    return R"({"assignee":")" + std::to_string(alice_.id) +
           R"(","assigneeEmail":"alice@example.test","assigneeType":"user")";
  }

  storage::Organization org_;
  storage::User alice_, bob_;
  storage::Project project_;
  storage::Issue issue_;
};

TEST_P(IssueServiceTest, ShortIdsCountPerProject) {
  EXPECT_EQ(issue_.shortId, "WEB-API-1");
  EXPECT_EQ(issue_.status, IssueStatus::Unresolved);
  EXPECT_EQ(makeIssue(org_.id, project_.id).shortId, "WEB-API-2");
  const auto other = makeProject(org_.id, "jobs", {});
  EXPECT_EQ(makeIssue(org_.id, other.id).shortId, "JOBS-1");
  EXPECT_EQ(makeIssue(org_.id, project_.id).shortId, "WEB-API-3");
}

TEST_P(IssueServiceTest, CreationValidatesTitleAndProjectOwnership) {
  const auto otherOrg = makeOrg("other");
  auto uow = db().begin();
  EXPECT_TRUE(throwsFieldError(
      [&] { issues_->create(*uow, org_.id, project_.id, "  ", ChangeSource::user(std::nullopt)); }, "title"));
  EXPECT_THROW(issues_->create(*uow, otherOrg.id, project_.id, "Crash", ChangeSource::user(std::nullopt)),
               NotFoundError);
  EXPECT_FALSE(issues_->find(*uow, otherOrg.id, issue_.id));
}

TEST_P(IssueServiceTest, AssignWritesTheAssignedActivity) {
  EXPECT_TRUE(assign(alice_.id, ChangeSource::user(bob_.id)));
  EXPECT_EQ(reload(issue_).assigneeUserId, alice_.id);
  const auto activities = activitiesOf(issue_);
  ASSERT_EQ(activities.size(), 1u);
  EXPECT_EQ(activities[0].type, "assigned");
  EXPECT_EQ(activities[0].userId, bob_.id);
  EXPECT_EQ(activities[0].dataJson, aliceData() + "}");
}

TEST_P(IssueServiceTest, ReassigningTheSameUserChangesNothing) {
  ASSERT_TRUE(assign(alice_.id));
  EXPECT_FALSE(assign(alice_.id));
  EXPECT_EQ(activitiesOf(issue_).size(), 1u);
  const auto before = reload(issue_).updatedAt;
  clock_.advance(1000);
  EXPECT_FALSE(assign(alice_.id));
  EXPECT_EQ(reload(issue_).updatedAt, before);
}

TEST_P(IssueServiceTest, UnassignNamesThePreviousAssigneeAndIsANoOpWhenUnassigned) {
  EXPECT_FALSE(assign(std::nullopt));
  EXPECT_TRUE(activitiesOf(issue_).empty());
  ASSERT_TRUE(assign(alice_.id));
  clock_.advance(10);
  EXPECT_TRUE(assign(std::nullopt));
  EXPECT_FALSE(reload(issue_).assigneeUserId);
  const auto activities = activitiesOf(issue_);
  ASSERT_EQ(activities.size(), 2u);
  EXPECT_EQ(activities[0].type, "unassigned");  // newest first
  EXPECT_EQ(activities[0].dataJson, aliceData() + "}");
  EXPECT_EQ(activities[1].type, "assigned");
}

TEST_P(IssueServiceTest, IntegrationSourcedChangesNameTheIntegration) {
  const auto source = ChangeSource::integration(42, "jira_server");
  ASSERT_TRUE(assign(alice_.id, source));
  ASSERT_TRUE(assign(std::nullopt, source));
  ASSERT_TRUE(setStatus(IssueStatus::Resolved, ResolutionMode::Plain, source));
  const auto activities = activitiesOf(issue_);
  ASSERT_EQ(activities.size(), 3u);
  EXPECT_EQ(activities[0].dataJson, R"({"integrationId":"42","provider":"jira_server"})");
  EXPECT_EQ(activities[1].dataJson, aliceData() + R"(,"integrationId":"42","provider":"jira_server"})");
  EXPECT_EQ(activities[2].dataJson, aliceData() + R"(,"integrationId":"42","provider":"jira_server"})");
  EXPECT_FALSE(activities[0].userId);
}

TEST_P(IssueServiceTest, AssigneeMustBeAMemberOfTheOrganization) {
  const auto outsider = makeUser("mallory@example.test");
  EXPECT_TRUE(throwsFieldError([&] { assign(outsider.id); }, "assignedTo"));
  EXPECT_FALSE(reload(issue_).assigneeUserId);
  EXPECT_THROW(inTransaction([&](auto& uow) {
                 return issues_->assign(uow, org_.id, issue_.id + 100, alice_.id, ChangeSource::user(std::nullopt));
               }),
               NotFoundError);
}

TEST_P(IssueServiceTest, ResolveAndUnresolveWriteTheirActivitiesOnce) {
  EXPECT_FALSE(setStatus(IssueStatus::Unresolved));
  EXPECT_TRUE(setStatus(IssueStatus::Resolved));
  EXPECT_FALSE(setStatus(IssueStatus::Resolved));
  EXPECT_EQ(reload(issue_).status, IssueStatus::Resolved);
  clock_.advance(5);
  EXPECT_TRUE(setStatus(IssueStatus::Unresolved));
  const auto activities = activitiesOf(issue_);
  ASSERT_EQ(activities.size(), 2u);
  EXPECT_EQ(activities[0].type, "set_unresolved");
  EXPECT_EQ(activities[0].dataJson, "{}");
  EXPECT_EQ(activities[1].type, "set_resolved");
  EXPECT_FALSE(reload(issue_).resolvedInReleaseId);
}

TEST_P(IssueServiceTest, ResolveInCurrentReleaseUsesTheProjectsLatestRelease) {
  inTransaction([&](auto& uow) { directory_->createRelease(uow, org_.id, "1.0", {"web-api"}); });
  clock_.advance(1000);
  const auto latest =
      inTransaction([&](auto& uow) { return directory_->createRelease(uow, org_.id, "1.1", {"web-api"}); });
  ASSERT_TRUE(setStatus(IssueStatus::Resolved, ResolutionMode::CurrentRelease));
  const auto activity = activitiesOf(issue_).front();
  EXPECT_EQ(activity.type, "set_resolved_in_release");
  EXPECT_EQ(activity.dataJson, R"({"version":"1.1"})");
  EXPECT_EQ(reload(issue_).resolvedInReleaseId, latest.id);
  ASSERT_TRUE(setStatus(IssueStatus::Unresolved));
  EXPECT_FALSE(reload(issue_).resolvedInReleaseId);
}

TEST_P(IssueServiceTest, ResolveInNextReleaseMarksItSo) {
  inTransaction([&](auto& uow) { directory_->createRelease(uow, org_.id, "1.0", {"web-api"}); });
  ASSERT_TRUE(setStatus(IssueStatus::Resolved, ResolutionMode::NextRelease));
  const auto activity = activitiesOf(issue_).front();
  EXPECT_EQ(activity.type, "set_resolved_in_release");
  EXPECT_EQ(activity.dataJson, R"({"inNextRelease":true})");
}

TEST_P(IssueServiceTest, ReleaseModesWithoutAReleaseFallBackToAPlainResolve) {
  // A release of another project does not count.
  makeProject(org_.id, "other", {});
  inTransaction([&](auto& uow) { directory_->createRelease(uow, org_.id, "9.9", {"other"}); });
  ASSERT_TRUE(setStatus(IssueStatus::Resolved, ResolutionMode::CurrentRelease));
  EXPECT_EQ(activitiesOf(issue_).front().type, "set_resolved");
  EXPECT_FALSE(reload(issue_).resolvedInReleaseId);
}

TEST_P(IssueServiceTest, ActivitiesAreNewestFirstEvenWithinOneMillisecond) {
  ASSERT_TRUE(assign(alice_.id));
  ASSERT_TRUE(assign(bob_.id));
  ASSERT_TRUE(setStatus(IssueStatus::Resolved));
  const auto activities = activitiesOf(issue_);
  ASSERT_EQ(activities.size(), 3u);
  EXPECT_EQ(activities[0].type, "set_resolved");
  EXPECT_EQ(activities[1].type, "assigned");
  EXPECT_NE(activities[1].dataJson.find(std::to_string(bob_.id)), std::string::npos);
  EXPECT_GT(activities[0].id, activities[1].id);
}

TEST_P(IssueServiceTest, WriteActivityAcceptsObjectsOnly) {
  auto uow = db().begin();
  const auto written =
      issues_->writeActivity(*uow, org_.id, issue_.id, "create_issue", R"({"title":"OPS-1"})", std::nullopt);
  EXPECT_GT(written.id, 0);
  EXPECT_TRUE(
      throwsFieldError([&] { issues_->writeActivity(*uow, org_.id, issue_.id, "note", "[1]", std::nullopt); }, "data"));
  EXPECT_TRUE(
      throwsFieldError([&] { issues_->writeActivity(*uow, org_.id, issue_.id, "", "{}", std::nullopt); }, "type"));
}

TEST_P(IssueServiceTest, CommentsWriteANoteAndEditsKeepItInStep) {
  const auto comment = inTransaction(
      [&](auto& uow) { return issues_->addComment(uow, org_.id, issue_.id, alice_.id, "First \"take\""); });
  EXPECT_EQ(comment.text, "First \"take\"");
  auto activities = activitiesOf(issue_);
  ASSERT_EQ(activities.size(), 1u);
  EXPECT_EQ(activities[0].type, "note");
  EXPECT_EQ(activities[0].userId, alice_.id);
  EXPECT_EQ(activities[0].dataJson, R"({"text":"First \"take\""})");
  clock_.advance(100);
  const auto edited = inTransaction(
      [&](auto& uow) { return issues_->editComment(uow, org_.id, issue_.id, comment.id, Principal::user(alice_.id), "Second"); });
  EXPECT_EQ(edited.text, "Second");
  EXPECT_EQ(edited.updatedAt, ih::test::kStartMs + 100);
  activities = activitiesOf(issue_);
  ASSERT_EQ(activities.size(), 1u);
  EXPECT_EQ(activities[0].dataJson, R"({"text":"Second"})");
}

TEST_P(IssueServiceTest, CommentsAreCheckedAgainstTheirIssueAndText) {
  const auto comment =
      inTransaction([&](auto& uow) { return issues_->addComment(uow, org_.id, issue_.id, alice_.id, "Hi"); });
  const auto otherIssue = makeIssue(org_.id, project_.id);
  auto uow = db().begin();
  EXPECT_THROW(issues_->editComment(*uow, org_.id, otherIssue.id, comment.id, Principal::user(alice_.id), "x"), NotFoundError);
  EXPECT_TRUE(throwsFieldError([&] { issues_->addComment(*uow, org_.id, issue_.id, alice_.id, " "); }, "text"));
  EXPECT_TRUE(
      throwsFieldError([&] { issues_->editComment(*uow, org_.id, issue_.id, comment.id, Principal::user(alice_.id), ""); }, "text"));
}

TEST_P(IssueServiceTest, ExternalIssuesOfTheIssueAreListed) {
  const auto view = installIntegration(org_.id, "jira-1");
  linkTicket(org_.id, view.integration.id, issue_.id, "OPS-2");
  linkTicket(org_.id, view.integration.id, issue_.id, "OPS-1");
  auto uow = db().begin();
  const auto externals = issues_->externalIssues(*uow, org_.id, issue_.id);
  ASSERT_EQ(externals.size(), 2u);
  EXPECT_EQ(externals[0].key, "OPS-2");
  EXPECT_EQ(externals[0].integrationId, view.integration.id);
  EXPECT_EQ(externals[1].url, "http://jira.example.test/browse/OPS-1");
}

IH_INSTANTIATE_BACKENDS(IssueServiceTest);

}  // namespace
}  // namespace ih::host::domain
