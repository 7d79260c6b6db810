// The sync log's pruning: every insert trims the issue to its newest entries
// and sweeps a few expired ones, each by an index seek, never by reading the
// issue's rows (a plan that did cost ~200 µs per insert at 200 rows).
#include <gtest/gtest.h>

#include <string>

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

IH_INSTANTIATE_BACKENDS(SyncLogRepositoryTest);

}  // namespace
}  // namespace ih::host::storage
