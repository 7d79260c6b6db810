// host/storage/pooled_database.cpp - see pooled_database.h.
#include "storage/pooled_database.h"

#include "storage/dialect.h"
#include "storage/migrations.h"

namespace ih::host::storage {

namespace {
// How long begin() waits for a free connection before failing loudly.
constexpr std::chrono::milliseconds kAcquireTimeout{30000};
}  // namespace

PooledDatabase::PooledDatabase(BackendSpec spec, const DatabaseOptions& options)
    : spec_(std::move(spec)), pool_(spec_.connect, options.maxConnections, kAcquireTimeout) {}

std::unique_ptr<UnitOfWork> PooledDatabase::begin() {
  return std::make_unique<PooledUnitOfWork>(pool_.acquire(), *spec_.dialect, spec_.transactions);
}

void PooledDatabase::migrate() { applyMigrations(*this, schemaMigrations(), spec_.migrationLockSql); }

}  // namespace ih::host::storage
