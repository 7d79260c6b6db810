// host/storage/pooled_unit_of_work.h - the UnitOfWork both backends share:
// one leased connection, transactions opened lazily by beginWrite().
//
// The backends differ only in their TransactionPolicy: SQLite opens writes
// with BEGIN IMMEDIATE while holding a process-wide writer lock (so writers
// queue in order (writer_lock.h) instead of spinning on SQLITE_BUSY), and
// runs them on the database's one writer connection (writer_connection.h);
// PostgreSQL with a plain BEGIN on the leased connection (its row locks do
// the queueing).
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "storage/connection_pool.h"
#include "storage/unit_of_work.h"
#include "storage/wal_group_commit.h"
#include "storage/writer_connection.h"
#include "storage/writer_lock.h"

namespace ih::host::storage {

struct TransactionPolicy {
  std::string beginSql = "BEGIN";
  // Held from BEGIN until COMMIT/ROLLBACK when set (SQLite).
  std::shared_ptr<WriterLock> writerLock;
  std::chrono::milliseconds lockTimeout{10000};
  // Where write transactions run while the writer lock is held (SQLite); null
  // = on the unit of work's own connection. A unit of work's reads before its
  // write were transactions of their own (SQLite's autocommit), so moving to
  // this connection at BEGIN loses no snapshot.
  std::shared_ptr<WriterConnection> writerConnection;
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
  Poco::Data::Session& session() override { return writing_ ? *writing_->session : lease_.session(); }
  PreparedStatements& statements() override { return writing_ ? *writing_->statements : lease_.statements(); }
  const Dialect& dialect() const override { return dialect_; }

 private:
  // Leaves the writer connection, then lets the next writer have both.
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
  PooledConnection* writing_ = nullptr;  // the writer connection, while this holds the writer lock
};

}  // namespace ih::host::storage
