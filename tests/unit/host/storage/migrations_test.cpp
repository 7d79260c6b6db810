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

TEST_P(MigrationsTest, FreshDatabaseGetsTheWholeSchemaOnce) {
  auto database = Database::open(emptyDatabaseUrl());
  EXPECT_EQ(applyMigrations(*database, schemaMigrations(), ""), static_cast<int>(schemaMigrations().size()));
  auto uow = database->begin();
  const std::vector<std::string> expected = {"activities",
                                             "api_tokens",
                                             "comment_external_links",
                                             "comments",
                                             "external_issues",
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
                                             "team_members",
                                             "teams",
                                             "user_emails",
                                             "users"};
  EXPECT_EQ(hostTables(*uow, isPostgres()), expected);
  EXPECT_EQ(appliedMigrationVersions(*uow), std::vector<int64_t>{1});
}

TEST_P(MigrationsTest, RunningAgainIsANoOp) {
  // db() was migrated by the fixture already.
  EXPECT_EQ(applyMigrations(db(), schemaMigrations(), ""), 0);
  db().migrate();
  auto uow = db().begin();
  EXPECT_EQ(appliedMigrationVersions(*uow), std::vector<int64_t>{1});
}

TEST_P(MigrationsTest, NewMigrationIsAppliedOnTopAndRecorded) {
  std::vector<Migration> migrations = schemaMigrations();
  migrations.push_back({2, "add widgets", {"CREATE TABLE widgets ({pk}, name TEXT NOT NULL)"}});
  EXPECT_EQ(applyMigrations(db(), migrations, ""), 1);
  EXPECT_EQ(applyMigrations(db(), migrations, ""), 0);
  auto uow = db().begin();
  EXPECT_EQ(appliedMigrationVersions(*uow), (std::vector<int64_t>{1, 2}));
  uow->beginWrite();
  // {pk} became an auto-increment key on this backend.
  EXPECT_EQ(Query(*uow, "INSERT INTO widgets (name) VALUES (?) RETURNING id").bind("a").scalarInt64(), 1);
  EXPECT_EQ(Query(*uow, "INSERT INTO widgets (name) VALUES (?) RETURNING id").bind("b").scalarInt64(), 2);
}

TEST_P(MigrationsTest, AFailingMigrationLeavesNoTrace) {
  std::vector<Migration> migrations = schemaMigrations();
  migrations.push_back({2, "half broken", {"CREATE TABLE half (id BIGINT)", "CREATE TABLE oops (id NOSUCHTYPE("}});
  EXPECT_THROW(applyMigrations(db(), migrations, ""), StorageError);
  auto uow = db().begin();
  EXPECT_EQ(appliedMigrationVersions(*uow), std::vector<int64_t>{1});
  const auto tables = hostTables(*uow, isPostgres());
  EXPECT_EQ(std::count(tables.begin(), tables.end(), "half"), 0);
}

IH_INSTANTIATE_BACKENDS(MigrationsTest);

}  // namespace
}  // namespace ih::host::storage
