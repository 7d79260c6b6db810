// Versioned migrations: applied once, recorded, idempotent, transactional.
#include "storage/migrations.h"

#include <gtest/gtest.h>

#include "storage/database.h"
#include "storage/query.h"
#include "storage/storage_error.h"
#include "support/backend.h"

namespace ih::host::storage {
namespace {

class MigrationsTest : public ih::test::BackendTest {};

std::vector<std::string> hostTables(UnitOfWork& uow, bool postgres) {
  const char* sql = postgres ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                               " ORDER BY table_name"
                             : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                               " ORDER BY name";
  std::vector<std::string> names;
  for (const auto& row : Query(uow, sql).rows()) names.push_back(row.text(0));
  return names;
}

std::vector<int64_t> allVersions() {
  std::vector<int64_t> versions;
  for (const auto& migration : schemaMigrations()) versions.push_back(migration.version);
  return versions;
}

// Ascending, one by one, never reused.
TEST(SchemaMigrations, AreNumberedOneByOneInOrder) {
  EXPECT_EQ(allVersions(), (std::vector<int64_t>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}));
}

TEST_P(MigrationsTest, FreshDatabaseGetsTheWholeSchemaOnce) {
  auto database = Database::open(emptyDatabaseUrl());
  EXPECT_EQ(applyMigrations(*database, schemaMigrations(), ""), static_cast<int>(schemaMigrations().size()));
  auto uow = database->begin();
  const std::vector<std::string> expected = {"activities",
                                             "api_tokens",
                                             "audit_log",
                                             "comment_external_links",
                                             "comments",
                                             "external_issues",
                                             "host_settings",
                                             "identities",
                                             "integrations",
                                             "issue_external_links",
                                             "issues",
                                             "jobs",
                                             "members",
                                             "org_integrations",
                                             "organizations",
                                             "pipelines",
                                             "plugin_enablement",
                                             "project_teams",
                                             "projects",
                                             "release_projects",
                                             "releases",
                                             "schema_migrations",
                                             "sessions",
                                             "sync_log",
                                             "team_members",
                                             "teams",
                                             "user_emails",
                                             "user_mappings",
                                             "users",
                                             "webhook_inbox"};
  EXPECT_EQ(hostTables(*uow, isPostgres()), expected);
  EXPECT_EQ(appliedMigrationVersions(*uow), allVersions());
}

TEST_P(MigrationsTest, RunningAgainIsANoOp) {
  // db() was migrated by the fixture already.
  EXPECT_EQ(applyMigrations(db(), schemaMigrations(), ""), 0);
  db().migrate();
  auto uow = db().begin();
  EXPECT_EQ(appliedMigrationVersions(*uow), allVersions());
}

TEST_P(MigrationsTest, NewMigrationIsAppliedOnTopAndRecorded) {
  std::vector<Migration> migrations = schemaMigrations();
  const int64_t next = migrations.back().version + 1;
  migrations.push_back({next, "add widgets", {"CREATE TABLE widgets ({pk}, name TEXT NOT NULL)"}});
  EXPECT_EQ(applyMigrations(db(), migrations, ""), 1);
  EXPECT_EQ(applyMigrations(db(), migrations, ""), 0);
  auto uow = db().begin();
  auto expected = allVersions();
  expected.push_back(next);
  EXPECT_EQ(appliedMigrationVersions(*uow), expected);
  uow->beginWrite();
  // {pk} became an auto-increment key on this backend.
  EXPECT_EQ(Query(*uow, "INSERT INTO widgets (name) VALUES (?) RETURNING id").bind("a").scalarInt64(), 1);
  EXPECT_EQ(Query(*uow, "INSERT INTO widgets (name) VALUES (?) RETURNING id").bind("b").scalarInt64(), 2);
}

TEST_P(MigrationsTest, AFailingMigrationLeavesNoTrace) {
  std::vector<Migration> migrations = schemaMigrations();
  migrations.push_back({migrations.back().version + 1, "half broken",
                        {"CREATE TABLE half (id BIGINT)", "CREATE TABLE oops (id NOSUCHTYPE("}});
  EXPECT_THROW(applyMigrations(db(), migrations, ""), StorageError);
  auto uow = db().begin();
  EXPECT_EQ(appliedMigrationVersions(*uow), allVersions());
  const auto tables = hostTables(*uow, isPostgres());
  EXPECT_EQ(std::count(tables.begin(), tables.end(), "half"), 0);
}

// The pending migrations are one transaction: an upgrade that fails half-way
// leaves the database at the version it had, not in between.
TEST_P(MigrationsTest, AnUpgradeIsAllOrNothing) {
  auto database = Database::open(emptyDatabaseUrl());
  std::vector<Migration> migrations = schemaMigrations();
  migrations.push_back({migrations.back().version + 1, "good", {"CREATE TABLE good (id BIGINT)"}});
  migrations.push_back({migrations.back().version + 1, "broken", {"CREATE TABLE oops (id NOSUCHTYPE("}});
  EXPECT_THROW(applyMigrations(*database, migrations, ""), StorageError);
  auto uow = database->begin();
  EXPECT_TRUE(hostTables(*uow, isPostgres()).empty());
}

// Events queued by a host of schema 1 (no event_type column) are still found
// by type after the upgrade.
TEST_P(MigrationsTest, EventJobsQueuedBeforeTheUpgradeGetTheirEventType) {
  auto database = Database::open(emptyDatabaseUrl());
  const std::vector<Migration> first(schemaMigrations().begin(), schemaMigrations().begin() + 1);
  ASSERT_EQ(applyMigrations(*database, first, ""), 1);
  {
    auto uow = database->begin();
    uow->beginWrite();
    const char* insert =
        "INSERT INTO jobs (plugin_key, kind, payload, state, attempts, max_attempts, run_at, created_at, updated_at)"
        " VALUES ('jira_server', ?, ?, 'pending', 0, 5, 0, 0, 0)";
    Query(*uow, insert).bind("ihp.event").bind(R"({"type":1,"event":{"externalIssue":{"key":"OPS-1"}}})").execute();
    Query(*uow, insert).bind("ihp.event").bind(R"({"type":2,"event":{}})").execute();
    Query(*uow, insert).bind("status_inbound").bind(R"({"type":1})").execute();  // a plugin's own job
    uow->commit();
  }
  applyMigrations(*database, schemaMigrations(), "");
  auto uow = database->begin();
  std::vector<std::optional<int64_t>> types;
  for (const auto& row : Query(*uow, "SELECT event_type FROM jobs ORDER BY id").rows()) types.push_back(row.optInt64(0));
  EXPECT_EQ(types, (std::vector<std::optional<int64_t>>{1, 2, std::nullopt}));
}

IH_INSTANTIATE_BACKENDS(MigrationsTest);

// PostgreSQL's storage settings (schema.cpp says why each pays): an inbox
// row stays whole in its page, the two log tables' rows are tied to the
// organization through their issue's key only, and an issue's assignee has
// no key (the host assigns only members it has read).
class PostgresStorageSettingsTest : public ih::test::BackendTest {};

TEST_P(PostgresStorageSettingsTest, InboxRowsStayWholeAndHotRowsLockNoSharedRowOnInsertOrAssignment) {
  auto uow = db().begin();
  const auto options = Query(*uow, "SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = ?")
                           .bind(std::string("webhook_inbox"))
                           .one();
  ASSERT_TRUE(options);
  EXPECT_EQ(options->optText(0), "toast_tuple_target=8160");
  const auto keys = Query(*uow,
                          "SELECT conrelid::regclass::text || ':' || string_agg(a.attname, ',' ORDER BY a.attname)"
                          " FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid"
                          " AND a.attnum = ANY (c.conkey) WHERE c.contype = 'f'"
                          " AND c.conrelid IN ('activities'::regclass, 'sync_log'::regclass, 'issues'::regclass)"
                          " GROUP BY c.oid, c.conrelid ORDER BY 1")
                        .rows();
  std::vector<std::string> named;
  for (const Row& row : keys) named.push_back(row.text(0));
  EXPECT_EQ(named,
            (std::vector<std::string>{"activities:issue_id", "activities:user_id", "issues:organization_id",
                                      "issues:project_id", "issues:resolved_in_release_id", "sync_log:issue_id"}));
}

IH_INSTANTIATE_POSTGRES_ONLY(PostgresStorageSettingsTest);

}  // namespace
}  // namespace ih::host::storage
