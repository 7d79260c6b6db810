// host/storage/pooled_database.h - the Database both backends share: a
// connection pool, a dialect and a transaction policy. A backend is only
// what it puts into a BackendSpec (sqlite_backend.cpp, postgres_backend.cpp).
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "storage/connection_pool.h"
#include "storage/database.h"
#include "storage/pooled_unit_of_work.h"

namespace ih::host::storage {

struct DatabaseUrl;

struct BackendSpec {
  std::unique_ptr<Dialect> dialect;
  ConnectionPool::Factory connect;
  TransactionPolicy transactions;
  std::string migrationLockSql;  // run first in each migration transaction
  std::string description;       // the URL, password masked
  // What the connections count their round trips in (Database::roundTrips);
  // unset = an in-process database.
  std::shared_ptr<std::atomic<uint64_t>> roundTrips;
  // Opens a listener (Database::listen); unset = the backend has none.
  std::function<std::unique_ptr<NotificationListener>(const std::string&, std::function<void()>)> listen;
};

class PooledDatabase final : public Database {
 public:
  PooledDatabase(BackendSpec spec, const DatabaseOptions& options);

  std::unique_ptr<UnitOfWork> begin() override;
  void migrate() override;
  const Dialect& dialect() const override { return *spec_.dialect; }
  std::string describe() const override { return spec_.description; }
  uint64_t roundTrips() const override { return spec_.roundTrips ? spec_.roundTrips->load() : 0; }
  std::unique_ptr<NotificationListener> listen(const std::string& channel, std::function<void()> onNotify) override {
    return spec_.listen ? spec_.listen(channel, std::move(onNotify)) : nullptr;
  }

 private:
  BackendSpec spec_;
  ConnectionPool pool_;
};

// The backends (defined in their own files).
std::unique_ptr<Database> openSqliteDatabase(const std::string& path, const std::string& description,
                                             const DatabaseOptions& options);
std::unique_ptr<Database> openPostgresDatabase(const DatabaseUrl& url, const DatabaseOptions& options);

}  // namespace ih::host::storage
