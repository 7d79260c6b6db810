// host/storage/pooled_unit_of_work.h - the UnitOfWork both backends share:
// one leased connection, transactions opened lazily by beginWrite().
//
// The backends differ only in their TransactionPolicy: SQLite opens writes
// with BEGIN IMMEDIATE while holding a process-wide writer lock (so writers
// queue on a mutex instead of spinning on SQLITE_BUSY), PostgreSQL with a
// plain BEGIN (its row locks do the queueing).
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>

#include "storage/connection_pool.h"
#include "storage/wal_group_commit.h"
#include "storage/unit_of_work.h"

namespace ih::host::storage {

// The process-wide writer lock of a SQLite file: a flag under a mutex rather
// than a mutex, because a plugin hook may open the write on its plugin-call
// thread while its caller commits or rolls back on another (a mutex must be
// unlocked by the thread that locked it).
class WriterLock {
 public:
  bool tryLockFor(std::chrono::milliseconds timeout);
  void unlock();

 private:
  std::mutex mutex_;
  std::condition_variable released_;
  bool held_ = false;
};

struct TransactionPolicy {
  std::string beginSql = "BEGIN";
  // Held from BEGIN until COMMIT/ROLLBACK when set (SQLite).
  std::shared_ptr<WriterLock> writerLock;
  std::chrono::milliseconds lockTimeout{10000};
  // Set when a commit is not durable when COMMIT returns (SQLite with
  // synchronous=NORMAL): a commit that wrote leaves the committing thread
  // owing its fsync (common/durability.h). Null when COMMIT is durable by
  // itself (PostgreSQL) or durability was relaxed.
  std::shared_ptr<WalGroupCommit> groupCommit;
};

class PooledUnitOfWork final : public UnitOfWork {
 public:
  PooledUnitOfWork(ConnectionPool::Lease lease, const Dialect& dialect, const TransactionPolicy& policy);
  ~PooledUnitOfWork() override;

  void beginWrite() override;
  bool inTransaction() const override { return inTransaction_; }
  void commit() override;
  void rollback() override;
  Poco::Data::Session& session() override { return lease_.session(); }
  PreparedStatements& statements() override { return lease_.statements(); }
  const Dialect& dialect() const override { return dialect_; }

 private:
  void releaseWriterLock();
  // COMMIT or ROLLBACK: on PostgreSQL one simple-protocol round trip, none
  // when BEGIN is still waiting for the transaction's first statement; on
  // SQLite a prepared statement like any other.
  void endTransaction(const std::string& sql);

  ConnectionPool::Lease lease_;
  const Dialect& dialect_;
  const TransactionPolicy& policy_;
  bool inTransaction_ = false;
  bool holdsWriterLock_ = false;
};

}  // namespace ih::host::storage
