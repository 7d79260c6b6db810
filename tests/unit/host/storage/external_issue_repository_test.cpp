// External issues: upsert per (org, integration, key), links, watermarks,
// comment links, sync targets.
#include "storage/external_issue_repository.h"

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <utility>

#include "storage/dialect.h"
#include "storage/directory_repositories.h"
#include "storage/integration_repositories.h"
#include "storage/issue_repositories.h"
#include "storage/job_repository.h"
#include "storage/query.h"
#include "support/backend.h"
#include "support/query_plan.h"

namespace ih::host::storage {
namespace {

class ExternalIssueRepositoryTest : public ih::test::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    inTransaction([this](UnitOfWork& uow) {
      org_ = OrganizationRepository(uow).insert("acme", "Acme", 1);
      other_ = OrganizationRepository(uow).insert("other", "Other", 1);
      Integration i;
      i.provider = "jira_server";
      i.externalId = "x";
      i.name = "Jira";
      integration_ = IntegrationRepository(uow).insert(i);
      for (const auto* org : {&org_, &other_}) {
        OrgIntegrationRepository(uow).insert(
            OrgIntegration{0, org->id, integration_.id, "{}", std::nullopt, IntegrationStatus::Active, 1});
        const auto project = ProjectRepository(uow).insert(org->id, "api", {}, 1);
        issues_.push_back(IssueRepository(uow).insert(org->id, project.id, 1, "Crash", 1));
      }
    });
  }
  Organization org_, other_;
  Integration integration_;
  std::vector<Issue> issues_;

  // The organization's ticket `key`, linked to its first issue.
  ExternalIssue linkedTicket(ExternalIssueRepository& externals, const std::string& key) const {
    const auto ticket = externals.upsert(org_.id, integration_.id, key, "t", "d", "u", 1);
    externals.linkIssue(issues_[0].id, ticket.id);
    return ticket;
  }
  // (assignee, status) marks of the organization's OPS-1, as `externals` reads them.
  std::pair<int64_t, int64_t> marksOf(ExternalIssueRepository& externals) const {
    const auto stored = externals.findByKey(org_.id, integration_.id, "OPS-1");
    return {stored->assigneeWatermark, stored->statusWatermark};
  }
};

TEST_P(ExternalIssueRepositoryTest, UpsertRefreshesAndClearsGone) {
  auto uow = db().begin();
  ExternalIssueRepository externals(*uow);
  const auto first = externals.upsert(org_.id, integration_.id, "OPS-1", "Old", "d", "u1", 10);
  externals.markGone(first.id, "deleted remotely");
  EXPECT_EQ(externals.findById(org_.id, first.id)->goneReason, "deleted remotely");
  const auto again = externals.upsert(org_.id, integration_.id, "OPS-1", "New", "d2", "u2", 20);
  EXPECT_EQ(again.id, first.id);
  EXPECT_EQ(again.title, "New");
  EXPECT_EQ(again.url, "u2");
  EXPECT_FALSE(again.goneReason);
  EXPECT_EQ(again.createdAt, 10);
  // The same key in another organization is another row.
  EXPECT_NE(externals.upsert(other_.id, integration_.id, "OPS-1", "t", "d", "u", 1).id, first.id);
  EXPECT_FALSE(externals.findById(other_.id, first.id));
}

TEST_P(ExternalIssueRepositoryTest, LinkedIssuesSpanOrganizationsThatLinkTheIntegration) {
  auto uow = db().begin();
  ExternalIssueRepository externals(*uow);
  for (const auto& issue : issues_) {
    const auto external = externals.upsert(issue.organizationId, integration_.id, "OPS-1", "t", "d", "u", 1);
    externals.linkIssue(issue.id, external.id);
    externals.linkIssue(issue.id, external.id);  // idempotent
  }
  auto linked = externals.linkedIssues(integration_.id, "OPS-1");
  ASSERT_EQ(linked.size(), 2u);
  EXPECT_EQ(linked[0].issueId, issues_[0].id);
  EXPECT_EQ(linked[1].organizationId, other_.id);
  EXPECT_EQ(externals.linkedIssues(integration_.id, "OPS-1", other_.id).size(), 1u);
  EXPECT_TRUE(externals.linkedIssues(integration_.id, "ops-1").empty());  // keys match exactly
  // An org whose link is gone is no longer reached.
  OrgIntegrationRepository(*uow).remove(OrgIntegrationRepository(*uow).find(other_.id, integration_.id)->id);
  linked = externals.linkedIssues(integration_.id, "OPS-1");
  ASSERT_EQ(linked.size(), 1u);
  EXPECT_EQ(linked[0].organizationId, org_.id);
  externals.removeForOrganization(org_.id, integration_.id);
  EXPECT_TRUE(externals.linkedIssues(integration_.id, "OPS-1").empty());
  EXPECT_TRUE(externals.listForIssue(org_.id, issues_[0].id).empty());
}

// The links are read once per transaction: a second read answers from what
// the first kept, until the repository changes links or org links. The
// raw INSERT below stands for a change the memo does not know of, so the
// answers tell which reads went to the database.
TEST_P(ExternalIssueRepositoryTest, IssueLinksAreReadOncePerTransactionUntilLinksChange) {
  auto uow = db().begin();
  ExternalIssueRepository externals(*uow);
  uow->beginWrite();
  const auto ours = externals.upsert(org_.id, integration_.id, "OPS-1", "t", "d", "u", 1);
  const auto theirs = externals.upsert(other_.id, integration_.id, "OPS-1", "t", "d", "u", 1);
  externals.linkIssue(issues_[0].id, ours.id);
  const auto linkBehindTheMemo = [&] {
    Query(*uow, "INSERT INTO issue_external_links (issue_id, external_issue_id) VALUES (?, ?)")
        .bind(issues_[1].id)
        .bind(theirs.id)
        .execute();
  };

  ASSERT_EQ(externals.issueLinks(integration_.id, "OPS-1").size(), 1u);
  linkBehindTheMemo();
  EXPECT_EQ(externals.issueLinks(integration_.id, "OPS-1").size(), 1u);  // kept
  EXPECT_TRUE(externals.issueLinks(integration_.id, "OPS-1", other_.id).empty());
  EXPECT_EQ(externals.linkedIssues(integration_.id, "OPS-1").size(), 2u);  // never kept

  // A change through the repository forgets what was kept.
  externals.linkIssue(issues_[0].id, ours.id);
  auto links = externals.issueLinks(integration_.id, "OPS-1");
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links[0].organizationId, org_.id);
  EXPECT_EQ(links[0].issueId, issues_[0].id);
  EXPECT_EQ(links[0].externalIssueId, ours.id);
  EXPECT_EQ(links[1].organizationId, other_.id);
  EXPECT_EQ(externals.issueLinks(integration_.id, "OPS-1", other_.id).size(), 1u);
  // So does removing an organization's link to the integration.
  OrgIntegrationRepository(*uow).remove(OrgIntegrationRepository(*uow).find(other_.id, integration_.id)->id);
  EXPECT_EQ(externals.issueLinks(integration_.id, "OPS-1").size(), 1u);
  // And the transaction's end: a new one reads again.
  uow->commit();
  externals.issueLinks(integration_.id, "OPS-1");
  uow->beginWrite();
  ASSERT_EQ(externals.issueLinks(integration_.id, "OPS-1").size(), 1u);
  Query(*uow, "DELETE FROM issue_external_links WHERE issue_id = ?").bind(issues_[0].id).execute();
  EXPECT_EQ(externals.issueLinks(integration_.id, "OPS-1").size(), 1u);  // kept within this one
  uow->commit();
  EXPECT_TRUE(externals.issueLinks(integration_.id, "OPS-1").empty());  // outside one: always read
}

// The inbound sync's locked read serves the later reads of the same ticket.
TEST_P(ExternalIssueRepositoryTest, TheLockedReadOfATicketsIssuesIsKeptForTheTransaction) {
  auto uow = db().begin();
  ExternalIssueRepository externals(*uow);
  for (const auto& issue : issues_) {
    externals.linkIssue(issue.id, externals.upsert(issue.organizationId, integration_.id, "OPS-1", "t", "d", "u", 1).id);
  }
  ASSERT_EQ(externals.lockedLinkedIssues(integration_.id, "OPS-1").size(), 2u);
  Query(*uow, "DELETE FROM issue_external_links WHERE issue_id = ?").bind(issues_[1].id).execute();
  const auto links = externals.issueLinks(integration_.id, "OPS-1");
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links[0].organizationId, org_.id);
  EXPECT_EQ(links[1].issueId, issues_[1].id);
}

// The delivery changes the issues it locked next: the locked read holds
// their rows, so the change reads none of them again.
TEST_P(ExternalIssueRepositoryTest, TheLockedReadKeepsTheIssuesForTheirChange) {
  auto uow = db().begin();
  ExternalIssueRepository externals(*uow);
  IssueRepository issues(*uow);
  externals.linkIssue(issues_[0].id, externals.upsert(org_.id, integration_.id, "OPS-1", "t", "d", "u", 1).id);
  const Issue before = *issues.find(org_.id, issues_[0].id);
  ASSERT_EQ(externals.lockedLinkedIssues(integration_.id, "OPS-1").size(), 1u);
  Query(*uow, "UPDATE issues SET title = 'Changed behind'").execute();

  const auto kept = issues.findForChange(org_.id, issues_[0].id);
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->title, "Crash") << "read again";
  EXPECT_EQ(kept->shortId, before.shortId);
  EXPECT_EQ(kept->projectId, before.projectId);
  EXPECT_EQ(kept->status, before.status);
  EXPECT_EQ(kept->assigneeUserId, before.assigneeUserId);
  EXPECT_EQ(kept->createdAt, before.createdAt);
  EXPECT_FALSE(issues.findForChange(other_.id, issues_[0].id)) << "another organization's view";
  uow->commit();
  uow->beginWrite();
  EXPECT_EQ(issues.findForChange(org_.id, issues_[0].id)->title, "Changed behind") << "kept past its transaction";
}

TEST_P(ExternalIssueRepositoryTest, WatermarksAdvanceOnlyForwardWithTheirOwnStrictness) {
  auto uow = db().begin();
  ExternalIssueRepository externals(*uow);
  externals.upsert(org_.id, integration_.id, "OPS-1", "t", "d", "u", 1);
  EXPECT_TRUE(externals.advanceAssigneeWatermark(org_.id, integration_.id, "OPS-1", 100));
  EXPECT_TRUE(externals.advanceAssigneeWatermark(org_.id, integration_.id, "OPS-1", 100));  // equal: accepted
  EXPECT_FALSE(externals.advanceAssigneeWatermark(org_.id, integration_.id, "OPS-1", 99));
  EXPECT_TRUE(externals.advanceStatusWatermark(org_.id, integration_.id, "OPS-1", 100));
  EXPECT_FALSE(externals.advanceStatusWatermark(org_.id, integration_.id, "OPS-1", 100));  // equal: stale
  EXPECT_FALSE(externals.advanceAssigneeWatermark(org_.id, integration_.id, "OPS-404", 500));
  EXPECT_EQ(marksOf(externals), (std::pair<int64_t, int64_t>{100, 100}));
}

// An inbound delivery orders its assignee and its status by the marks its
// locked read returned; the updates go with its next statement. The test
// moves the stored marks behind what the transaction kept, so its answers
// show which ones decided.
TEST_P(ExternalIssueRepositoryTest, TheMarksReadWithATicketsLockedIssuesDecideItsAdvances) {
  auto uow = db().begin();
  ExternalIssueRepository externals(*uow);
  const auto external = linkedTicket(externals, "OPS-1");
  externals.upsert(other_.id, integration_.id, "OPS-1", "t", "d", "u", 1);  // no linked issue there
  ASSERT_TRUE(externals.advanceAssigneeWatermark(org_.id, integration_.id, "OPS-1", 100));
  ASSERT_EQ(externals.lockedLinkedIssues(integration_.id, "OPS-1").size(), 1u);
  Query(*uow, "UPDATE external_issues SET assignee_watermark = 500, status_watermark = 500").execute();

  EXPECT_FALSE(externals.advanceAssigneeWatermark(org_.id, integration_.id, "OPS-1", 99));
  EXPECT_TRUE(externals.advanceAssigneeWatermark(org_.id, integration_.id, "OPS-1", 200));
  EXPECT_FALSE(externals.advanceAssigneeWatermark(org_.id, integration_.id, "OPS-1", 150)) << "the kept mark moved";
  EXPECT_TRUE(externals.advanceStatusWatermark(org_.id, integration_.id, "OPS-1", 1));
  EXPECT_FALSE(externals.advanceStatusWatermark(org_.id, integration_.id, "OPS-1", 1)) << "equal is stale";
  // Where the locked read found no issue, the stored mark decides.
  EXPECT_FALSE(externals.advanceAssigneeWatermark(other_.id, integration_.id, "OPS-1", 400));
  // The updates sent were conditional: no stored mark moved back.
  EXPECT_EQ(externals.findByKey(org_.id, integration_.id, "OPS-1")->assigneeWatermark, 500);
  EXPECT_EQ(externals.findByKey(org_.id, integration_.id, "OPS-1")->statusWatermark, 500);
  // A change of the ticket's links makes the stored marks decide again.
  externals.linkIssue(issues_[0].id, external.id);
  EXPECT_FALSE(externals.advanceAssigneeWatermark(org_.id, integration_.id, "OPS-1", 300));
  EXPECT_TRUE(externals.advanceAssigneeWatermark(org_.id, integration_.id, "OPS-1", 600));
  uow->commit();

  auto next = db().begin();
  ExternalIssueRepository again(*next);
  ASSERT_EQ(again.lockedLinkedIssues(integration_.id, "OPS-1").size(), 1u);
  EXPECT_FALSE(again.advanceAssigneeWatermark(org_.id, integration_.id, "OPS-1", 599)) << "a new transaction reads them";
  EXPECT_TRUE(again.advanceAssigneeWatermark(org_.id, integration_.id, "OPS-1", 700));
  next->commit();
  EXPECT_EQ(again.findByKey(org_.id, integration_.id, "OPS-1")->assigneeWatermark, 700) << "stored at commit";
}

// A delivery moves both marks of its ticket; they are written together at
// commit, and every read of them sees them moved before that.
TEST_P(ExternalIssueRepositoryTest, MarksMovedUnderTheLockAreReadMovedAndRolledBackWithTheirTransaction) {
  {
    auto setup = db().begin();
    ExternalIssueRepository externals(*setup);
    linkedTicket(externals, "OPS-1");
    setup->commit();
  }
  auto uow = db().begin();
  ExternalIssueRepository externals(*uow);
  ASSERT_EQ(externals.lockedLinkedIssues(integration_.id, "OPS-1").size(), 1u);
  ASSERT_TRUE(externals.advanceAssigneeWatermark(org_.id, integration_.id, "OPS-1", 200));
  ASSERT_TRUE(externals.advanceStatusWatermark(org_.id, integration_.id, "OPS-1", 300));
  EXPECT_EQ(marksOf(externals), (std::pair<int64_t, int64_t>{200, 300}));
  ASSERT_EQ(externals.lockedLinkedIssues(integration_.id, "OPS-1").size(), 1u);  // read again: same marks
  EXPECT_FALSE(externals.advanceStatusWatermark(org_.id, integration_.id, "OPS-1", 300));
  uow->rollback();

  auto after = db().begin();
  ExternalIssueRepository stored(*after);
  EXPECT_EQ(marksOf(stored), (std::pair<int64_t, int64_t>{0, 0}));
}

// Most issues link one ticket: a delivery for it then knows from its locked
// read where the change it makes can go, and reads nothing more.
TEST_P(ExternalIssueRepositoryTest, TheLockedReadTellsWhereAChangeOfAnIssueWithOneLinkGoes) {
  auto uow = db().begin();
  ExternalIssueRepository externals(*uow);
  const auto ticket = linkedTicket(externals, "OPS-1");
  externals.markGone(ticket.id, "404 from Jira");
  ASSERT_EQ(externals.lockedLinkedIssues(integration_.id, "OPS-1").size(), 1u);
  const auto linked = externals.linkedTo(org_.id, issues_[0].id);
  ASSERT_EQ(linked.size(), 1u);
  EXPECT_EQ(linked[0].id, ticket.id);
  EXPECT_EQ(linked[0].organizationId, org_.id);
  EXPECT_EQ(linked[0].integrationId, integration_.id);
  EXPECT_EQ(linked[0].key, "OPS-1");
  EXPECT_EQ(linked[0].goneReason, "404 from Jira");
  EXPECT_TRUE(externals.linkedTo(other_.id, issues_[0].id).empty()) << "another organization's view";

  // A second link is read: the issue no longer has only the ticket.
  linkedTicket(externals, "OPS-2");
  EXPECT_EQ(externals.linkedTo(org_.id, issues_[0].id).size(), 2u);
  ASSERT_EQ(externals.lockedLinkedIssues(integration_.id, "OPS-1").size(), 1u);
  EXPECT_EQ(externals.linkedTo(org_.id, issues_[0].id).size(), 2u);
}

// An inbound delivery asks about its ticket's unfinished jobs right after
// the locked read of its issues, so that read lists them too; the questions
// then need no statement. Jobs deleted behind the kept list show which
// answers came from it.
class LockedReadWithJobsTest : public ExternalIssueRepositoryTest {
 protected:
  int64_t addJob(UnitOfWork& uow, std::optional<int64_t> eventType, int64_t organizationId, const char* state) {
    return Query(uow,
                 "INSERT INTO jobs (plugin_key, kind, payload, ordering_key, organization_id, state, attempts,"
                 " max_attempts, run_at, created_at, updated_at, event_type)"
                 " VALUES ('jira_server', 'ihp.event', '{}', 'ticket', ?, ?, 0, 5, 0, 0, 0, ?) RETURNING id")
        .bind(organizationId)
        .bind(std::string(state))
        .bind(eventType)
        .scalarInt64();
  }
};

TEST_P(LockedReadWithJobsTest, TheLockedReadListsTheTicketsUnfinishedJobsForTheTransaction) {
  auto uow = db().begin();
  ExternalIssueRepository externals(*uow);
  linkedTicket(externals, "OPS-1");
  const int64_t assignment = addJob(*uow, 1, org_.id, "pending");
  const int64_t pluginJob = addJob(*uow, std::nullopt, org_.id, "running");  // a plugin's own: no event type
  addJob(*uow, 2, org_.id, "done");
  ASSERT_EQ(externals.lockedLinkedIssues(integration_.id, "OPS-1", "ticket").size(), 1u);
  Query(*uow, "DELETE FROM jobs").execute();

  JobRepository jobs(*uow);
  EXPECT_TRUE(jobs.hasUnfinishedEvent("ticket", org_.id, 1, std::nullopt)) << "answered from the locked read";
  EXPECT_FALSE(jobs.hasUnfinishedEvent("ticket", org_.id, 1, assignment)) << "the asking job does not count";
  EXPECT_FALSE(jobs.hasUnfinishedEvent("ticket", org_.id, 2, std::nullopt)) << "a done job is not listed";
  EXPECT_FALSE(jobs.hasUnfinishedEvent("ticket", other_.id, 1, std::nullopt)) << "another organization's";
  EXPECT_TRUE(jobs.hasUnfinished("ticket", assignment)) << "the plugin's own job";
  EXPECT_TRUE(jobs.hasUnfinished("ticket", pluginJob)) << "the assignment";
}

TEST_P(LockedReadWithJobsTest, NoUnfinishedJobIsKeptAsNoneAndTooManyAreAskedAgain) {
  inTransaction([this](UnitOfWork& setup) {
    ExternalIssueRepository externals(setup);
    linkedTicket(externals, "OPS-1");
  });
  auto uow = db().begin();
  ExternalIssueRepository externals(*uow);
  ASSERT_EQ(externals.lockedLinkedIssues(integration_.id, "OPS-1", "ticket").size(), 1u);
  addJob(*uow, 1, org_.id, "pending");  // behind the kept list
  JobRepository jobs(*uow);
  EXPECT_FALSE(jobs.hasUnfinished("ticket")) << "none listed, none asked for";
  uow->rollback();

  auto again = db().begin();
  ExternalIssueRepository locked(*again);
  for (int i = 0; i < 17; ++i) addJob(*again, std::nullopt, org_.id, "pending");  // more than a list keeps
  ASSERT_EQ(locked.lockedLinkedIssues(integration_.id, "OPS-1", "ticket").size(), 1u);
  addJob(*again, 1, org_.id, "pending");  // behind the list
  EXPECT_TRUE(JobRepository(*again).hasUnfinishedEvent("ticket", org_.id, 1, std::nullopt))
      << "an incomplete list sends the question to the database";
}

IH_INSTANTIATE_BACKENDS(LockedReadWithJobsTest);

TEST_P(ExternalIssueRepositoryTest, CommentLinksAreUpserted) {
  auto uow = db().begin();
  ExternalIssueRepository externals(*uow);
  const auto external = externals.upsert(org_.id, integration_.id, "OPS-1", "t", "d", "u", 1);
  const auto comment =
      CommentRepository(*uow).insert(Comment{0, org_.id, issues_[0].id, std::nullopt, "c", 1, 1}, std::nullopt);
  EXPECT_FALSE(externals.externalCommentId(comment.id, external.id));
  externals.upsertCommentLink(comment.id, external.id, "10001");
  externals.upsertCommentLink(comment.id, external.id, "10002");
  EXPECT_EQ(externals.externalCommentId(comment.id, external.id), "10002");
}

TEST_P(ExternalIssueRepositoryTest, LinkedToAnswersTheOrganizationsExternalIssuesOfAnIssue) {
  auto uow = db().begin();
  ExternalIssueRepository externals(*uow);
  const auto second = externals.upsert(org_.id, integration_.id, "OPS-2", "t", "d", "u", 1);
  const auto first = externals.upsert(org_.id, integration_.id, "OPS-1", "t", "d", "u", 1);
  const auto unlinked = externals.upsert(org_.id, integration_.id, "OPS-3", "t", "d", "u", 1);
  externals.linkIssue(issues_[0].id, first.id);
  externals.linkIssue(issues_[0].id, second.id);
  externals.linkIssue(issues_[1].id, unlinked.id);
  const auto linked = externals.linkedTo(org_.id, issues_[0].id);
  ASSERT_EQ(linked.size(), 2u);
  EXPECT_EQ(linked[0].id, second.id);  // by id
  EXPECT_EQ(linked[0].key, "OPS-2");
  EXPECT_EQ(linked[1].key, "OPS-1");
  EXPECT_TRUE(externals.linkedTo(other_.id, issues_[0].id).empty());  // another org's view
}

// An inbound delivery costs the same in an organization of ten issues and of
// a hundred thousand: from the key to its links to their issues, by index,
// never a walk over the organization's issues. SQLite plans without
// statistics; PostgreSQL plans here before its first ANALYZE, with the
// generic plan a pooled connection keeps for its prepared statement (where
// it once chose issues_by_organization).
class ExternalIssuePlanTest : public ExternalIssueRepositoryTest {
 protected:
  // The organization holds many issues, one of them linked to the key.
  void addIssues(UnitOfWork& uow, int count) {
    const auto project = ProjectRepository(uow).insert(org_.id, "web", {}, 1);
    for (int i = 0; i < count; ++i) IssueRepository(uow).insert(org_.id, project.id, i + 1, "Crash", 1);
    ExternalIssueRepository externals(uow);
    externals.linkIssue(issues_[0].id, externals.upsert(org_.id, integration_.id, "OPS-1", "t", "d", "u", 1).id);
    if (isPostgres()) Query(uow, "SET LOCAL plan_cache_mode = force_generic_plan").execute();
  }
};

TEST_P(ExternalIssuePlanTest, LinkedIssuesArePlannedAsIndexLookupsOnly) {
  auto uow = db().begin();
  addIssues(*uow, 300);
  for (const std::string& sql :
       {ExternalIssueRepository::linkedIssuesSql(false), ExternalIssueRepository::linkedIssuesSql(true),
        ExternalIssueRepository::lockedLinkedIssuesSql(uow->dialect(), true)}) {
    const auto plan = ih::test::queryPlan(*uow, sql, isPostgres());
    const std::string text = ih::test::planText(plan);
    EXPECT_EQ(text.find("issues_by_organization"), std::string::npos) << "a walk over the org's issues\n" << text;
    if (isPostgres()) {
      EXPECT_EQ(text.find("Seq Scan on issues"), std::string::npos) << text;
      EXPECT_NE(text.find("Index Scan using issues_pkey on issues g"), std::string::npos) << text;
      EXPECT_EQ(text.find("Seq Scan on jobs"), std::string::npos) << text;
      continue;
    }
    for (const auto& step : plan) {
      if (step == "SCAN u") continue;  // the ticket's listed jobs: at most 17 rows, found by index
      EXPECT_NE(step.rfind("SCAN ", 0), 0u) << "a full scan in\n" << text;
    }
    // The key's external issues, then their links, then each linked issue by id.
    const auto externals = text.find("SEARCH e USING ");
    const auto links = text.find("SEARCH x USING ");
    const auto issues = text.find("SEARCH g USING INTEGER PRIMARY KEY (rowid=?)");
    ASSERT_NE(externals, std::string::npos) << text;
    ASSERT_NE(links, std::string::npos) << text;
    ASSERT_NE(issues, std::string::npos) << text;
    EXPECT_LT(externals, links) << text;
    EXPECT_LT(links, issues) << text;
  }
}

// Every change of an issue looks up where it goes out to: from the issue's
// few links to their external issues by id, never through the
// organization's external issues (PostgreSQL's generic plan before its
// first ANALYZE read and sorted all 5 000 of them, for every change).
TEST_P(ExternalIssuePlanTest, LinkedToReachesTheExternalIssuesFromTheIssuesLinks) {
  auto uow = db().begin();
  addIssues(*uow, 10);
  Query(*uow,
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)"
        " INSERT INTO external_issues (organization_id, integration_id, external_key, title, description, url,"
        " created_at) SELECT ?, ?, 'BULK-' || i, 't', 'd', 'u', 1 FROM n")
      .bind(org_.id)
      .bind(integration_.id)
      .execute();
  const std::string text =
      ih::test::planText(ih::test::queryPlan(*uow, ExternalIssueRepository::linkedToSql(), isPostgres()));
  EXPECT_EQ(text.find("external_issues_organization_id"), std::string::npos) << "a walk over the org's\n" << text;
  if (isPostgres()) {
    EXPECT_EQ(text.find("Seq Scan on external_issues"), std::string::npos) << text;
    EXPECT_NE(text.find("Index Scan using external_issues_pkey on external_issues e"), std::string::npos) << text;
  } else {
    EXPECT_NE(text.find("SEARCH e USING INTEGER PRIMARY KEY (rowid=?)"), std::string::npos) << text;
  }
}

// SQLite's single writer needs no row lock, so it has no such statement.
class PostgresOrderingLockPlanTest : public ExternalIssuePlanTest {};

TEST_P(PostgresOrderingLockPlanTest, TheOrderingLockReachesTheIssuesFromTheKey) {
  auto uow = db().begin();
  addIssues(*uow, 300);
  const std::string text =
      ih::test::planText(ih::test::queryPlan(*uow, ExternalIssueRepository::lockLinkedIssuesSql(uow->dialect()), true));
  EXPECT_EQ(text.find("issues_by_organization"), std::string::npos) << "a walk over the org's issues\n" << text;
  EXPECT_EQ(text.find("Seq Scan on issues"), std::string::npos) << text;
  EXPECT_NE(text.find("Index Scan using issues_pkey on issues g"), std::string::npos) << text;
}

// The ticket lock on PostgreSQL, where transactions wait for each other's.
class PostgresTicketLockTest : public ExternalIssueRepositoryTest {
 protected:
  void linkTicket() {
    inTransaction([this](UnitOfWork& uow) {
      ExternalIssueRepository externals(uow);
      externals.linkIssue(issues_[0].id, externals.upsert(org_.id, integration_.id, "OPS-1", "t", "d", "u", 1).id);
    });
  }
  void lockTicket(UnitOfWork& uow) {
    uow.beginWrite();  // as the inbound sync does: a lock outlives only its transaction
    ExternalIssueRepository(uow).lockLinkedIssues(org_.id, integration_.id, "OPS-1");
  }
  // Scans of the issues' primary key in the transaction so far: each lock statement makes one.
  static int64_t issueScansSoFar(UnitOfWork& uow) {
    return Query(uow, "SELECT pg_stat_get_xact_numscans('issues_pkey'::regclass)").scalarInt64();
  }
};

// An inbound delivery orders its assignee and its status: one lock statement.
TEST_P(PostgresTicketLockTest, ATransactionLocksATicketOnceAndTheNextLocksItAgain) {
  linkTicket();
  auto uow = db().begin();
  lockTicket(*uow);
  const int64_t scans = issueScansSoFar(*uow);
  ASSERT_GT(scans, 0);
  lockTicket(*uow);
  EXPECT_EQ(issueScansSoFar(*uow), scans) << "the held lock was taken again";
  uow->commit();
  lockTicket(*uow);  // a new transaction holds nothing yet
  EXPECT_GT(issueScansSoFar(*uow), 0);
  uow->rollback();
  lockTicket(*uow);
  EXPECT_GT(issueScansSoFar(*uow), 0);
}

// An inbound assignment reads the ticket's issues and locks them in one
// statement; its ordering then locks nothing more.
TEST_P(PostgresTicketLockTest, ReadingTheIssuesLockedHoldsThemForTheRestOfTheTransaction) {
  linkTicket();
  auto uow = db().begin();
  const auto linked = ExternalIssueRepository(*uow).lockedLinkedIssues(integration_.id, "OPS-1");
  ASSERT_EQ(linked.size(), 1u);
  EXPECT_EQ(linked[0].issueId, issues_[0].id);
  const int64_t scans = issueScansSoFar(*uow);
  lockTicket(*uow);
  EXPECT_EQ(issueScansSoFar(*uow), scans) << "the held lock was taken again";
  auto bounded = db().begin();
  bounded->beginWrite();
  Query(*bounded, bounded->dialect().limitLockWaitsSql(50)).execute();
  auto waiting = std::async(std::launch::async, [&] { lockTicket(*bounded); });
  ASSERT_EQ(waiting.wait_for(std::chrono::seconds(20)), std::future_status::ready) << "still waiting";
  EXPECT_ANY_THROW(waiting.get()) << "the issues were not held";
  bounded->rollback();
  uow->rollback();
}

// Two deliveries of one ticket on two hosts: the second waits for the
// first's lock, then must order its event after the first's mark, or Jira's
// older change would overwrite the newer one.
TEST_P(PostgresTicketLockTest, AReadThatWaitedForTheTicketSeesTheMarksItsHolderMoved) {
  linkTicket();
  auto holder = db().begin();
  ExternalIssueRepository held(*holder);
  ASSERT_EQ(held.lockedLinkedIssues(integration_.id, "OPS-1").size(), 1u);
  ASSERT_TRUE(held.advanceAssigneeWatermark(org_.id, integration_.id, "OPS-1", 100));
  auto waiter = db().begin();
  auto reading = std::async(std::launch::async, [&] {
    return ExternalIssueRepository(*waiter).lockedLinkedIssues(integration_.id, "OPS-1").size();
  });
  ASSERT_EQ(reading.wait_for(std::chrono::milliseconds(300)), std::future_status::timeout) << "the ticket was not held";
  holder->commit();
  ASSERT_EQ(reading.get(), 1u);
  ExternalIssueRepository externals(*waiter);
  EXPECT_FALSE(externals.advanceAssigneeWatermark(org_.id, integration_.id, "OPS-1", 50))
      << "ordered by the marks from before the holder's change";
  EXPECT_TRUE(externals.advanceAssigneeWatermark(org_.id, integration_.id, "OPS-1", 150));
  waiter->commit();
}

// What the webhook inbox's batches rely on to break a lock cycle quickly.
TEST_P(PostgresTicketLockTest, ATransactionWithBoundedLockWaitsGivesUpOnAHeldTicket) {
  linkTicket();
  auto holder = db().begin();
  lockTicket(*holder);
  auto bounded = db().begin();
  bounded->beginWrite();  // SET LOCAL lasts for its transaction
  Query(*bounded, bounded->dialect().limitLockWaitsSql(50)).execute();
  auto waiting = std::async(std::launch::async, [&] { lockTicket(*bounded); });
  ASSERT_EQ(waiting.wait_for(std::chrono::seconds(20)), std::future_status::ready) << "still waiting";
  EXPECT_ANY_THROW(waiting.get());
  bounded->rollback();
  holder->rollback();
  auto after = db().begin();
  EXPECT_NO_THROW(lockTicket(*after));
}

IH_INSTANTIATE_BACKENDS(ExternalIssueRepositoryTest);
IH_INSTANTIATE_POSTGRES_ONLY(PostgresTicketLockTest);
IH_INSTANTIATE_BACKENDS(ExternalIssuePlanTest);
IH_INSTANTIATE_POSTGRES_ONLY(PostgresOrderingLockPlanTest);

}  // namespace
}  // namespace ih::host::storage
