// host/storage/migrations.cpp - see migrations.h.
#include "storage/migrations.h"

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

void ensureLedger(Database& database, const std::string& lockSql) {
  auto uow = database.begin();
  uow->beginWrite();
  if (!lockSql.empty()) Query(uow->session(), lockSql).execute();
  Query(*uow,
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)")
      .execute();
  uow->commit();
}

}  // namespace

std::vector<int64_t> appliedMigrationVersions(UnitOfWork& uow) {
  std::vector<int64_t> versions;
  for (const auto& row : Query(uow, "SELECT version FROM schema_migrations ORDER BY version").rows()) {
    versions.push_back(row.int64(0));
  }
  return versions;
}

int applyMigrations(Database& database, const std::vector<Migration>& migrations, const std::string& lockSql) {
  ensureLedger(database, lockSql);
  int applied = 0;
  const SystemClock clock;
  for (const auto& migration : migrations) {
    auto uow = database.begin();
    uow->beginWrite();
    if (!lockSql.empty()) Query(uow->session(), lockSql).execute();
    // Checked inside the transaction: another process may have just applied it.
    if (Query(*uow, "SELECT version FROM schema_migrations WHERE version = ?").bind(migration.version).one()) {
      uow->rollback();
      continue;
    }
    for (const auto& statement : migration.statements) Query(*uow, expand(statement, database.dialect())).execute();
    Query(*uow, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)")
        .bind(migration.version)
        .bind(migration.name)
        .bind(clock.nowMs())
        .execute();
    uow->commit();
    Poco::Logger::get("ih.storage")
        .information("applied migration " + std::to_string(migration.version) + " (" + migration.name + ")");
    ++applied;
  }
  return applied;
}

}  // namespace ih::host::storage
