// host/storage/pooled_unit_of_work.cpp - see pooled_unit_of_work.h.
#include "storage/pooled_unit_of_work.h"

#include <Poco/Logger.h>

#include "storage/postgres_statements.h"
#include "storage/storage_error.h"

namespace ih::host::storage {

PooledUnitOfWork::PooledUnitOfWork(ConnectionPool::Lease lease, const Dialect& dialect, const TransactionPolicy& policy)
    : lease_(std::move(lease)), dialect_(dialect), policy_(policy) {}

PooledUnitOfWork::~PooledUnitOfWork() {
  try {
    rollback();
  } catch (const std::exception& error) {
    Poco::Logger::get("ih.storage").error(std::string("rollback on release failed: ") + error.what());
  }
}

void PooledUnitOfWork::beginWrite() {
  if (inTransaction_) return;
  if (policy_.writerLock) {
    if (!policy_.writerLock->tryLockFor(policy_.lockTimeout)) {
      throw StorageError(StorageError::Kind::Busy, "database is busy: no write lock within " +
                                                       std::to_string(policy_.lockTimeout.count()) + " ms");
    }
    holdsWriterLock_ = true;
  }
  try {
    if (policy_.writerConnection) writing_ = &policy_.writerConnection->get();
    if (PostgresStatements* postgres = lease_.postgresStatements()) {
      postgres->beginWithNextStatement();
    } else {
      statements().run(policy_.beginSql, {});
    }
  } catch (...) {
    releaseWriterLock();
    throw;
  }
  inTransaction_ = true;
}

void PooledUnitOfWork::commit() {
  if (inTransaction_) {
    try {
      flushDeferredWrites();
      endTransaction("COMMIT");
    } catch (...) {
      // A failed COMMIT leaves the transaction open on some backends: end it
      // so the connection goes back to the pool clean.
      rollback();
      throw;
    }
    inTransaction_ = false;
    if (policy_.groupCommit) oweDurability(policy_.groupCommit, policy_.groupCommit->noteCommitted());
    releaseWriterLock();
  }
  runAfterCommitHooks();
}

void PooledUnitOfWork::rollback() {
  dropAfterCommitHooks();
  if (!inTransaction_) return;
  inTransaction_ = false;
  try {
    endTransaction("ROLLBACK");
  } catch (...) {
    // Unknown state: never reuse this connection.
    if (writing_) {
      policy_.writerConnection->discard();
    } else {
      lease_.markBroken();
    }
    releaseWriterLock();
    throw;
  }
  releaseWriterLock();
}

void PooledUnitOfWork::endTransaction(const std::string& sql) {
  if (PostgresStatements* postgres = lease_.postgresStatements()) {
    postgres->endTransaction(sql.c_str());
  } else {
    statements().run(sql, {});
  }
}

void PooledUnitOfWork::releaseWriterLock() {
  writing_ = nullptr;
  if (holdsWriterLock_) {
    holdsWriterLock_ = false;
    policy_.writerLock->unlock();
  }
}

}  // namespace ih::host::storage
