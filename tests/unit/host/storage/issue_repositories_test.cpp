// Issue, activity and comment repositories.
#include "storage/issue_repositories.h"

#include <gtest/gtest.h>

#include "storage/directory_repositories.h"
#include "storage/query.h"
#include "support/backend.h"

namespace ih::host::storage {
namespace {

class IssueRepositoriesTest : public ih::test::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    std::tie(org_, project_) = inTransaction([](UnitOfWork& uow) {
      auto org = OrganizationRepository(uow).insert("acme", "Acme", 1);
      auto project = ProjectRepository(uow).insert(org.id, "web-app", {}, 1);
      return std::make_pair(org, project);
    });
  }
  Organization org_;
  Project project_;
};

TEST_P(IssueRepositoriesTest, IssuesCarryTheirShortIdAndChanges) {
  auto uow = db().begin();
  IssueRepository issues(*uow);
  const auto issue = issues.insert(org_.id, project_.id, 7, "Crash", 100);
  EXPECT_EQ(issue.shortId, "WEB-APP-7");
  EXPECT_EQ(issue.status, IssueStatus::Unresolved);
  EXPECT_FALSE(issue.assigneeUserId);
  const auto u = UserRepository(*uow).insert(User{0, "a@example.test", "A", true, {{"a@example.test", true}}, 1});
  issues.setAssignee(issue.id, u.id, 200);
  const auto release = ReleaseRepository(*uow).insert(org_.id, "1.0", {project_.id}, 1);
  issues.setStatus(issue.id, IssueStatus::Resolved, release.id, 300);
  const auto loaded = issues.find(org_.id, issue.id);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->assigneeUserId, u.id);
  EXPECT_EQ(loaded->status, IssueStatus::Resolved);
  EXPECT_EQ(loaded->resolvedInReleaseId, release.id);
  EXPECT_EQ(loaded->createdAt, 100);
  EXPECT_EQ(loaded->updatedAt, 300);
  issues.setAssignee(issue.id, std::nullopt, 400);
  EXPECT_FALSE(issues.find(org_.id, issue.id)->assigneeUserId);
}

// An issue read for change is read once per transaction, and the
// repository's own changes reach what was kept. The raw UPDATE stands for a
// change the memo does not know of, so the answers tell which reads went to
// the database.
TEST_P(IssueRepositoriesTest, AnIssueReadForChangeIsReadOncePerTransactionAndKeptCurrent) {
  auto uow = db().begin();
  IssueRepository issues(*uow);
  const auto issue = issues.insert(org_.id, project_.id, 1, "Crash", 1);
  const auto u = UserRepository(*uow).insert(User{0, "a@example.test", "A", true, {{"a@example.test", true}}, 1});
  ASSERT_EQ(issues.findForChange(org_.id, issue.id)->title, "Crash");
  Query(*uow, "UPDATE issues SET title = 'Renamed' WHERE id = ?").bind(issue.id).execute();
  EXPECT_EQ(issues.findForChange(org_.id, issue.id)->title, "Crash") << "kept";
  EXPECT_FALSE(issues.findForChange(org_.id + 1000, issue.id)) << "another organization's view";

  issues.setAssignee(issue.id, u.id, 20);
  issues.setStatus(issue.id, IssueStatus::Resolved, std::nullopt, 30);
  auto held = issues.findForChange(org_.id, issue.id);
  EXPECT_EQ(held->title, "Crash");
  EXPECT_EQ(held->assigneeUserId, u.id);
  EXPECT_EQ(held->status, IssueStatus::Resolved);
  EXPECT_EQ(held->updatedAt, 30);

  uow->commit();  // a new transaction reads again
  uow->beginWrite();
  held = issues.findForChange(org_.id, issue.id);
  EXPECT_EQ(held->title, "Renamed");
  EXPECT_EQ(held->assigneeUserId, u.id);
  EXPECT_EQ(held->status, IssueStatus::Resolved);
  uow->commit();
  Query(*uow, "UPDATE issues SET title = 'Again' WHERE id = ?").bind(issue.id).execute();
  EXPECT_EQ(issues.findForChange(org_.id, issue.id)->title, "Again") << "outside a transaction nothing is kept";
}

TEST_P(IssueRepositoriesTest, IssuesOfAnotherOrganizationAreInvisible) {
  auto uow = db().begin();
  const auto issue = IssueRepository(*uow).insert(org_.id, project_.id, 1, "Crash", 1);
  const auto other = OrganizationRepository(*uow).insert("other", "Other", 1);
  EXPECT_FALSE(IssueRepository(*uow).find(other.id, issue.id));
}

TEST_P(IssueRepositoriesTest, ActivitiesListNewestFirstWithIdBreakingTies) {
  auto uow = db().begin();
  const auto issue = IssueRepository(*uow).insert(org_.id, project_.id, 1, "Crash", 1);
  ActivityRepository activities(*uow);
  const auto a = activities.insert(Activity{0, org_.id, issue.id, "assigned", std::nullopt, R"({"a":1})", 10});
  const auto b = activities.insert(Activity{0, org_.id, issue.id, "note", std::nullopt, R"({"b":2})", 20});
  const auto c = activities.insert(Activity{0, org_.id, issue.id, "set_resolved", std::nullopt, "{}", 20});
  const auto list = activities.listForIssue(issue.id, 10);
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].id, c.id);
  EXPECT_EQ(list[1].id, b.id);
  EXPECT_EQ(list[2].id, a.id);
  EXPECT_EQ(list[2].dataJson, R"({"a":1})");
  activities.updateData(b.id, R"({"b":3})");
  EXPECT_EQ(activities.listForIssue(issue.id, 10)[1].dataJson, R"({"b":3})");
  // Pages: at most `limit`, the next one after the last entry shown, in the same order.
  const auto first = activities.listForIssue(issue.id, 2);
  ASSERT_EQ(first.size(), 2u);
  const auto rest = activities.listForIssue(issue.id, 2, first[1].id);
  ASSERT_EQ(rest.size(), 1u);
  EXPECT_EQ(rest[0].id, a.id);
  EXPECT_TRUE(activities.listForIssue(issue.id, 2, a.id).empty());
  EXPECT_TRUE(activities.listForIssue(issue.id + 1, 2, b.id).empty()) << "a cursor of another issue";
}

// Activities added without asking for their id wait for the transaction's
// end (one statement for a batch of changes), but are there for its own
// reads, in the order they were made, and gone with a rollback.
TEST_P(IssueRepositoriesTest, ActivitiesAddedWithoutAnIdKeepTheirOrderAndTheirTransaction) {
  int64_t issueId = 0;
  {
    auto setup = db().begin();
    issueId = IssueRepository(*setup).insert(org_.id, project_.id, 1, "Crash", 1).id;
    setup->commit();
  }
  const auto add = [&](UnitOfWork& uow) {
    ActivityRepository activities(uow);
    activities.add(Activity{0, org_.id, issueId, "assigned", std::nullopt, "{}", 20});
    activities.insert(Activity{0, org_.id, issueId, "note", std::nullopt, "{}", 20});
    activities.add(Activity{0, org_.id, issueId, "set_resolved", std::nullopt, "{}", 20});
  };
  const auto typesListed = [&](UnitOfWork& uow) {
    std::vector<std::string> types;
    for (const auto& activity : ActivityRepository(uow).listForIssue(issueId, 100)) types.push_back(activity.type);
    return types;
  };
  const std::vector<std::string> newestFirst{"set_resolved", "note", "assigned"};
  {
    auto uow = db().begin();
    add(*uow);
    EXPECT_EQ(typesListed(*uow), newestFirst);
    uow->rollback();
  }
  {
    auto uow = db().begin();
    EXPECT_TRUE(typesListed(*uow).empty());
    add(*uow);
    uow->commit();
  }
  auto uow = db().begin();
  EXPECT_EQ(typesListed(*uow), newestFirst);
}

TEST_P(IssueRepositoriesTest, CommentsAreFoundOnlyThroughTheirIssueAndOrganization) {
  auto uow = db().begin();
  IssueRepository issues(*uow);
  const auto issue = issues.insert(org_.id, project_.id, 1, "Crash", 1);
  const auto otherIssue = issues.insert(org_.id, project_.id, 2, "Other", 1);
  const auto note = ActivityRepository(*uow).insert(Activity{0, org_.id, issue.id, "note", std::nullopt, "{}", 1});
  CommentRepository comments(*uow);
  const auto comment = comments.insert(Comment{0, org_.id, issue.id, std::nullopt, "hello", 5, 5}, note.id);
  EXPECT_EQ(comments.find(org_.id, issue.id, comment.id)->text, "hello");
  EXPECT_FALSE(comments.find(org_.id, otherIssue.id, comment.id));
  EXPECT_EQ(comments.activityIdOf(comment.id), note.id);
  comments.updateText(comment.id, "edited", 9);
  const auto edited = comments.find(org_.id, issue.id, comment.id);
  EXPECT_EQ(edited->text, "edited");
  EXPECT_EQ(edited->updatedAt, 9);
  EXPECT_EQ(edited->createdAt, 5);
}

IH_INSTANTIATE_BACKENDS(IssueRepositoriesTest);

}  // namespace
}  // namespace ih::host::storage
