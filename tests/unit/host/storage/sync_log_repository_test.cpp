// The sync log's bound and pruning: an issue shows its newest entries only,
// and about one insert in kPruneEvery trims it to them and sweeps a few
// expired ones, each by an index seek, never by reading the issue's rows (a
// plan that did cost ~200 µs per insert at 200 rows).
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "storage/directory_repositories.h"
#include "storage/issue_repositories.h"
#include "storage/query.h"
#include "storage/sync_log_repository.h"
#include "support/backend.h"
#include "support/query_plan.h"

namespace ih::host::storage {
namespace {

class SyncLogRepositoryTest : public ih::test::BackendTest {
 protected:
  // A log worth planning for: kKeepPerIssue entries on each of 20 issues.
  std::string prunePlan(const char* sql) {
    auto uow = db().begin();
    const auto org = OrganizationRepository(*uow).insert("acme", "Acme", 1);
    const auto project = ProjectRepository(*uow).insert(org.id, "api", {}, 1);
    SyncLogRepository log(*uow);
    for (int issue = 0; issue < 20; ++issue) {
      const auto created = IssueRepository(*uow).insert(org.id, project.id, issue + 1, "Crash", 1);
      for (size_t i = 0; i < SyncLogRepository::kKeepPerIssue; ++i) {
        log.insert(SyncLogRow{0, org.id, created.id, std::nullopt, "OPS-1", "inbound", "assignee", "applied", "set",
                              static_cast<int64_t>(1000 + i)});
      }
    }
    uow->commit();
    uow = db().begin();
    if (isPostgres()) Query(*uow, "ANALYZE sync_log").execute();
    return ih::test::planText(ih::test::queryPlan(*uow, sql, isPostgres()));
  }

  // PostgreSQL's plan depends on its statistics, so it is only held to "no
  // sequential scan"; SQLite's must be the named index range.
  void expectSeek(const char* sql, const std::string& sqliteSearch) {
    const std::string text = prunePlan(sql);
    if (isPostgres()) {
      EXPECT_EQ(text.find("Seq Scan"), std::string::npos) << text;
    } else {
      EXPECT_NE(text.find(sqliteSearch), std::string::npos) << text;
    }
  }
};

TEST_P(SyncLogRepositoryTest, TrimmingAnIssueSeeksItsOldestEntries) {
  expectSeek(SyncLogRepository::keepNewestSql(), "sync_log_by_issue (issue_id=? AND id<?)");
}

TEST_P(SyncLogRepositoryTest, TheExpirySweepSeeksTheOldestEntries) {
  expectSeek(SyncLogRepository::sweepExpiredSql(), "sync_log_by_time (created_at<?)");
}

TEST_P(SyncLogRepositoryTest, TheOldestTimeIsReadFromOneEndOfTheTimeIndex) {
  const std::string text = prunePlan(SyncLogRepository::oldestSql());
  EXPECT_EQ(text.find(isPostgres() ? "Seq Scan" : "SCAN sync_log"), std::string::npos) << text;
  EXPECT_NE(text.find("sync_log_by_time"), std::string::npos) << text;
}

TEST_P(SyncLogRepositoryTest, ListingAnIssueSeeksItsNewestEntries) {
  const std::string text = prunePlan(SyncLogRepository::listSql().c_str());
  EXPECT_EQ(text.find(isPostgres() ? "Seq Scan" : "SCAN sync_log"), std::string::npos) << text;
}

// Two issues written in turn (ids of one parity each) and one written alone:
// each shows exactly its newest kKeepPerIssue and stores only a few more.
// Entries are numbered in their detail, as the ids are the database's.
TEST_P(SyncLogRepositoryTest, FlappingIssuesShowTheirNewestEntriesAndStoreAFewMore) {
  auto uow = db().begin();
  const auto org = OrganizationRepository(*uow).insert("acme", "Acme", 1);
  const auto project = ProjectRepository(*uow).insert(org.id, "api", {}, 1);
  std::vector<int64_t> issues;
  for (int n = 1; n <= 3; ++n) issues.push_back(IssueRepository(*uow).insert(org.id, project.id, n, "Crash", 1).id);
  SyncLogRepository log(*uow);
  std::map<int64_t, int> written;
  auto write = [&](int64_t issue) {
    log.insert(SyncLogRow{0, org.id, issue, std::nullopt, "OPS-1", "inbound", "assignee", "applied",
                          std::to_string(++written[issue]), 1000});
  };
  for (int i = 0; i < 1000; ++i) write(issues[i % 2]);
  for (int i = 0; i < 1000; ++i) write(issues[2]);
  for (const int64_t issue : issues) {
    const auto shown = log.listForIssue(org.id, issue, 1000);
    ASSERT_EQ(shown.size(), SyncLogRepository::kKeepPerIssue);
    EXPECT_EQ(shown.front().detail, std::to_string(written[issue]));
    EXPECT_EQ(shown.back().detail, std::to_string(written[issue] - SyncLogRepository::kKeepPerIssue + 1));
    // Paging stops at the bound too.
    EXPECT_EQ(log.listForIssue(org.id, issue, 1000, shown[99].id).size(), SyncLogRepository::kKeepPerIssue - 100);
    const int64_t stored = Query(*uow, "SELECT count(*) FROM sync_log WHERE issue_id = ?").bind(issue).scalarInt64();
    EXPECT_GE(stored, static_cast<int64_t>(SyncLogRepository::kKeepPerIssue));
    EXPECT_LE(stored, static_cast<int64_t>(SyncLogRepository::kKeepPerIssue) + 8 * SyncLogRepository::kPruneEvery);
  }
}

// Entries wait for their transaction: stored together when it commits (or
// before it reads the log), never when it rolls back.
TEST_P(SyncLogRepositoryTest, EntriesAreStoredWithTheirTransactionOrNotAtAll) {
  int64_t issueId = 0;
  int64_t orgId = 0;
  const auto stored = [&] {
    auto reader = db().begin();
    return Query(*reader, "SELECT count(*) FROM sync_log WHERE issue_id = ?").bind(issueId).scalarInt64();
  };
  const auto entry = [&](const std::string& detail) {
    return SyncLogRow{0, orgId, issueId, std::nullopt, "OPS-1", "inbound", "status", "applied", detail, 1000};
  };
  {
    auto uow = db().begin();
    orgId = OrganizationRepository(*uow).insert("acme", "Acme", 1).id;
    const auto project = ProjectRepository(*uow).insert(orgId, "api", {}, 1);
    issueId = IssueRepository(*uow).insert(orgId, project.id, 1, "Crash", 1).id;
    uow->commit();
  }
  {
    auto uow = db().begin();
    SyncLogRepository(*uow).insert(entry("one"));
    SyncLogRepository(*uow).insert(entry("two"));
    const auto own = SyncLogRepository(*uow).listForIssue(orgId, issueId, 10);
    ASSERT_EQ(own.size(), 2u) << "the transaction reads its own entries";
    EXPECT_EQ(own[0].detail, "two");
    SyncLogRepository(*uow).insert(entry("three"));
    uow->rollback();
  }
  EXPECT_EQ(stored(), 0) << "a rolled-back transaction stores none";
  {
    auto uow = db().begin();
    for (size_t i = 0; i < SyncLogRepository::kRowsPerStatement + 3; ++i) {
      SyncLogRepository(*uow).insert(entry(std::to_string(i)));
    }
    uow->commit();
  }
  auto uow = db().begin();
  const auto shown = SyncLogRepository(*uow).listForIssue(orgId, issueId, 100);
  ASSERT_EQ(shown.size(), SyncLogRepository::kRowsPerStatement + 3);
  for (size_t i = 0; i < shown.size(); ++i) {
    EXPECT_EQ(shown[i].detail, std::to_string(shown.size() - 1 - i)) << "newest first, in the order written";
  }
}

TEST_P(SyncLogRepositoryTest, AnIssueWithFewEntriesShowsThemAll) {
  auto uow = db().begin();
  const auto org = OrganizationRepository(*uow).insert("acme", "Acme", 1);
  const auto project = ProjectRepository(*uow).insert(org.id, "api", {}, 1);
  const auto issue = IssueRepository(*uow).insert(org.id, project.id, 1, "Crash", 1);
  SyncLogRepository log(*uow);
  for (int i = 0; i < 3; ++i) {
    log.insert(SyncLogRow{0, org.id, issue.id, std::nullopt, "OPS-1", "inbound", "assignee", "applied", "set", 1000});
  }
  EXPECT_EQ(log.listForIssue(org.id, issue.id, 10).size(), 3u);
  EXPECT_TRUE(log.listForIssue(org.id + 1, issue.id, 10).empty()) << "another organization's issue id";
}

IH_INSTANTIATE_BACKENDS(SyncLogRepositoryTest);

}  // namespace
}  // namespace ih::host::storage
