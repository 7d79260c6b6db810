// The Jira Server plugin end to end with the host on PostgreSQL
// (`--database postgresql://...`): a throwaway server (support/postgres_server.h)
// holds an empty database, the host migrates it at start-up, and the same
// flows as on SQLite run against it: the OAuth install, Jira -> host and
// host -> Jira sync through the durable job queue, and a restart that keeps
// the install and its webhook working. The test reads PostgreSQL directly to
// show the rows are there and not in a SQLite file.
//
// One CTest test for the binary (label `e2e;postgres`), so the server starts
// once; skipped when PostgreSQL's binaries are not installed.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "outbound_e2e.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/query.h"
#include "support/eventually.h"
#include "support/postgres_server.h"

namespace ih::e2e::jira {
namespace {

using namespace std::chrono_literals;

class JiraOnPostgresE2E : public OutboundE2E {
 protected:
  void SetUp() override {
    std::string whyNot;
    server_ = ih::test::PostgresServer::instance(whyNot);
    if (server_ == nullptr) GTEST_SKIP() << whyNot;
    databaseUrl_ = server_->createDatabase(/*migrated=*/false);  // the host migrates it
    hostArgs_ = {"--database", databaseUrl_};
    OutboundE2E::SetUp();
  }

  void TearDown() override {
    OutboundE2E::TearDown();
    api_.reset();
    host_.reset();  // its connections must go before the database can be dropped
    if (server_ != nullptr) server_->dropDatabase(databaseUrl_);
  }

  // One number from the host's database, read directly.
  int64_t count(const std::string& sql) {
    auto db = host::storage::Database::open(databaseUrl_, {.maxConnections = 1});
    return host::storage::Query(*db->begin(), sql).scalarInt64();
  }

  static int64_t migrationCount() { return static_cast<int64_t>(host::storage::schemaMigrations().size()); }

  ih::test::PostgresServer* server_ = nullptr;
  std::string databaseUrl_;
};

TEST_F(JiraOnPostgresE2E, InstallsAndSyncsBothWays) {
  EXPECT_EQ(count("SELECT count(*) FROM integrations WHERE provider = 'jira_server'"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM schema_migrations"), migrationCount()) << "every migration ran on PostgreSQL";
  EXPECT_FALSE(std::filesystem::exists(dir_.path() + "/data/host.db")) << "nothing may fall back to SQLite";

  // Jira -> host: an assignment in Jira reaches the linked issue.
  ASSERT_EQ(jira_->control("POST", "/_mock/issues/OPS-1/assignee", R"({"assignee":"bob","actor":"alice"})").status,
            200);
  EXPECT_TRUE(ih::testing::eventually([&] { return assigneeEmail("acme", issue_) == "bob@example.test"; }, 5s)) << assigneeEmail("acme", issue_);

  // host -> Jira: resolving runs the status job, which transitions the ticket.
  ASSERT_EQ(updateIssue("acme", issue_, R"({"status":"resolved"})").status, 200);
  EXPECT_TRUE(within(5s, [&] { return ticketField("OPS-1", "/fields/status/id") == "10001"; }));
  EXPECT_TRUE(within(5s, [&] {
    return count("SELECT count(*) FROM jobs WHERE state = 'done' AND kind = 'ihp.event'") >= 1;
  })) << "the outbound job is recorded as done in PostgreSQL";
  // Jira's echo of the transition may still queue an inbound job: wait for
  // every job to settle, then none may have failed.
  EXPECT_TRUE(within(10s, [&] { return jobsSettled("acme"); }));
  EXPECT_EQ(count("SELECT count(*) FROM jobs WHERE state IN ('pending', 'running', 'dead')"), 0);
}

TEST_F(JiraOnPostgresE2E, ARestartKeepsTheInstallAndItsWebhook) {
  startHost();  // same database, same port (the webhook registered in Jira names it)
  EXPECT_EQ(integrationIdOf("acme"), integration_);
  EXPECT_EQ(count("SELECT count(*) FROM schema_migrations"), migrationCount()) << "a second start applies nothing twice";

  ASSERT_EQ(jira_->control("POST", "/_mock/issues/OPS-1/assignee", R"({"assignee":"bob","actor":"alice"})").status,
            200);
  EXPECT_TRUE(ih::testing::eventually([&] { return assigneeEmail("acme", issue_) == "bob@example.test"; }, 5s))
      << "the delivery's token is checked against the stored integration: " << assigneeEmail("acme", issue_);
  ASSERT_EQ(updateIssue("acme", issue_, R"({"assignedTo":null})").status, 200);
  EXPECT_TRUE(within(5s, [&] { return ticketField("OPS-1", "/fields/assignee").empty(); }));
}

}  // namespace
}  // namespace ih::e2e::jira
