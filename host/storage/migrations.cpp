// host/storage/migrations.cpp - see migrations.h.
#include "storage/migrations.h"

#include <algorithm>
#include <string_view>

#include <Poco/Logger.h>

#include "common/clock.h"
#include "storage/database.h"
#include "storage/dialect.h"
#include "storage/query.h"

namespace ih::host::storage {

namespace {

std::string expand(std::string statement, const Dialect& dialect) {
  static const std::string token = "{pk}";
  for (size_t at = statement.find(token); at != std::string::npos; at = statement.find(token, at)) {
    statement.replace(at, token.size(), dialect.autoIncrementPrimaryKey());
  }
  return statement;
}

void createLedger(UnitOfWork& uow) {
  Query(uow,
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)")
      .execute();
}

}  // namespace

std::vector<int64_t> appliedMigrationVersions(UnitOfWork& uow) {
  std::vector<int64_t> versions;
  for (const auto& row : Query(uow, "SELECT version FROM schema_migrations ORDER BY version").rows()) {
    versions.push_back(row.int64(0));
  }
  return versions;
}

// All pending migrations in one write transaction: one commit (one fsync
// with durable commits) instead of one per migration keeps start-up on an
// empty database short, and an upgrade is all or nothing.
int applyMigrations(Database& database, const std::vector<Migration>& migrations, const std::string& lockSql) {
  auto uow = database.begin();
  uow->beginWrite();
  // Through the unit of work (not its session): on PostgreSQL the BEGIN goes
  // with the first statement, so the lock must be that statement.
  if (!lockSql.empty()) Query(*uow, lockSql).execute();
  createLedger(*uow);
  // Read inside the transaction: another process may have just applied some.
  const std::vector<int64_t> done = appliedMigrationVersions(*uow);
  const SystemClock clock;
  std::vector<const Migration*> applied;
  for (const auto& migration : migrations) {
    if (std::binary_search(done.begin(), done.end(), migration.version)) continue;
    for (const auto& statement : migration.statements) Query(*uow, expand(statement, database.dialect())).execute();
    if (std::string_view(database.dialect().name()) == "postgresql") {
      for (const auto& statement : migration.postgresOnly) Query(*uow, statement).execute();
    }
    Query(*uow, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)")
        .bind(migration.version)
        .bind(migration.name)
        .bind(clock.nowMs())
        .execute();
    applied.push_back(&migration);
  }
  if (applied.empty()) {
    uow->rollback();
    return 0;
  }
  uow->commit();
  for (const Migration* migration : applied) {
    Poco::Logger::get("ih.storage")
        .information("applied migration " + std::to_string(migration->version) + " (" + migration->name + ")");
  }
  return static_cast<int>(applied.size());
}

}  // namespace ih::host::storage
