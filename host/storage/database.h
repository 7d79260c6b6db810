// host/storage/database.h - the storage entry point: opens the configured
// backend, runs schema migrations, and hands out units of work.
//
// URLs: `sqlite:<path>` (the embedded default, WAL mode) or
// `postgresql://user:pass@host:port/db`. Thread-safe: any thread may call
// begin(); each unit of work gets its own pooled connection.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "storage/notification_listener.h"

#include "storage/unit_of_work.h"

namespace ih::host::storage {

// SQLite: the page cache of each pooled connection (SQLite's default is
// 2000 KiB, which 16 connections turn into 32 MB of RSS; sqlite_backend.cpp).
inline constexpr int kSqlitePageCacheKiB = 256;
// SQLite: the page cache of the one connection writes run on
// (writer_connection.h). It stays valid from one write to the next, so it is
// worth the size of the pages that writes keep coming back to.
inline constexpr int kSqliteWriterPageCacheKiB = 4096;

struct DatabaseOptions {
  int maxConnections = 16;
  int busyTimeoutMs = 10000;  // SQLite: how long a writer waits for the lock
  // SQLite: a request's answer waits until its commits are fsynced (group
  // commit, storage/wal_group_commit.h). false = --durability relaxed: a
  // power loss may drop commits already answered. PostgreSQL commits are
  // durable either way.
  bool durableCommits = true;
};

class Database {
 public:
  virtual ~Database() = default;

  // Throws std::runtime_error with one clear line when the URL is malformed or
  // the database is unreachable.
  static std::unique_ptr<Database> open(const std::string& url, const DatabaseOptions& options = {});

  virtual std::unique_ptr<UnitOfWork> begin() = 0;
  // Applies pending versioned migrations (idempotent; called at start-up).
  virtual void migrate() = 0;
  virtual const Dialect& dialect() const = 0;
  // The URL with any password masked, for logs.
  virtual std::string describe() const = 0;
  // Calls `onNotify` (on another thread) when any process sharing the
  // database sends a notification on `channel` (Dialect::notifySql) and
  // commits it; nullptr where the backend has no such thing (SQLite: one
  // process, whose own commits wake it directly).
  virtual std::unique_ptr<NotificationListener> listen(const std::string& channel, std::function<void()> onNotify) = 0;
  // Round trips to the database server so far, from every connection: each
  // is a network exchange and a server wake-up, which on PostgreSQL cost more
  // than most statements (/metrics: ih_database_round_trips_total). 0 for
  // SQLite, which runs in the process.
  virtual uint64_t roundTrips() const { return 0; }
};

}  // namespace ih::host::storage
