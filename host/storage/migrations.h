// host/storage/migrations.h - versioned schema migrations.
//
// Each migration is applied once and recorded in `schema_migrations`; the
// pending ones run together in one write transaction (all or none), and
// running them again is a no-op. DDL is written once
// for both backends: `{pk}` stands for the dialect's auto-increment key.
// PostgreSQL's storage settings, which SQLite has no word for, are a
// migration's `postgresOnly` statements.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ih::host::storage {

class Database;
class UnitOfWork;

struct Migration {
  int64_t version = 0;
  std::string name;
  std::vector<std::string> statements;
  std::vector<std::string> postgresOnly = {};  // run after `statements`, on PostgreSQL only
};

// The host's schema, oldest first (schema.cpp).
const std::vector<Migration>& schemaMigrations();

// Applies what is missing; returns how many migrations ran. `lockSql` (may be
// empty) runs first in that transaction to keep concurrent
// start-ups of several processes from racing.
int applyMigrations(Database& database, const std::vector<Migration>& migrations, const std::string& lockSql);

// Versions recorded in schema_migrations, ascending.
std::vector<int64_t> appliedMigrationVersions(UnitOfWork& uow);

}  // namespace ih::host::storage
