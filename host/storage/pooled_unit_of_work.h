// host/storage/pooled_unit_of_work.h - the UnitOfWork both backends share:
// one leased connection, transactions opened lazily by beginWrite().
//
// The backends differ only in their TransactionPolicy: SQLite opens writes
// with BEGIN IMMEDIATE while holding a process-wide writer lock (so writers
// queue on a mutex instead of spinning on SQLITE_BUSY), PostgreSQL with a
// plain BEGIN (its row locks do the queueing).
#pragma once

#include <chrono>
#include <memory>
#include <semaphore>
#include <string>

#include "storage/connection_pool.h"
#include "storage/unit_of_work.h"

namespace ih::host::storage {

struct TransactionPolicy {
  std::string beginSql = "BEGIN";
  // Held from BEGIN until COMMIT/ROLLBACK when set (SQLite). A semaphore, not
  // a mutex: a plugin hook may open the write on its plugin-call thread and
  // its caller commits on another (a mutex must be unlocked by its owner).
  std::shared_ptr<std::binary_semaphore> writerLock;
  std::chrono::milliseconds lockTimeout{10000};
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
  const Dialect& dialect() const override { return dialect_; }

 private:
  void releaseWriterLock();

  ConnectionPool::Lease lease_;
  const Dialect& dialect_;
  const TransactionPolicy& policy_;
  bool inTransaction_ = false;
  bool holdsWriterLock_ = false;
};

}  // namespace ih::host::storage
