// host/storage/unit_of_work.h - one database connection and at most one
// transaction, for the span of one request, hook call or job.
//
// Reads run immediately. The first write (or an explicit beginWrite()) opens
// the write transaction; on SQLite that is BEGIN IMMEDIATE under a process-wide
// writer lock, so read-modify-write sequences that call beginWrite() first are
// atomic. Everything a request, plugin hook or job changes - including the
// durable jobs it enqueues - commits or rolls back together. A unit of work
// that is destroyed without commit() rolls back. Not thread-safe: one thread
// owns it.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <typeindex>
#include <typeinfo>
#include <utility>
#include <vector>

namespace Poco::Data {
class Session;
}

namespace ih::host::storage {

class Dialect;
class PreparedStatements;

class UnitOfWork {
 public:
  virtual ~UnitOfWork() = default;

  // Opens the write transaction if none is open yet.
  virtual void beginWrite() = 0;
  virtual bool inTransaction() const = 0;
  // Commits the transaction (no-op without one), then runs afterCommit hooks.
  virtual void commit() = 0;
  // Rolls back (no-op without a transaction) and drops afterCommit hooks.
  virtual void rollback() = 0;

  // The connection's Poco session, for SQL outside any transaction.
  virtual Poco::Data::Session& session() = 0;
  // The connection's prepared statements: Query runs the unit of work's SQL
  // through them.
  virtual PreparedStatements& statements() = 0;
  virtual const Dialect& dialect() const = 0;
  // Portable SQL (see dialect.h) translated for this backend.
  std::string sql(std::string_view portableSql) const;

  // Runs `hook` after a successful commit (e.g. waking job workers).
  void afterCommit(std::function<void()> hook) { afterCommit_.push_back(std::move(hook)); }

  // Marks the open transaction as one that changed records a read cache
  // keeps (domain/lookup_cache.h): until it ends, its reads
  // bypass that cache, so they see its own changes and keep nothing that may
  // still roll back.
  void markCachedRecordsChanged() { cachedRecordsChanged_ = true; }
  bool cachedRecordsChanged() const { return cachedRecordsChanged_; }

  // Row locks (Dialect::lockRowsOf) the open transaction holds, by a name
  // the locking repository gives them. A lock lasts until the transaction
  // ends, so taking the same rows again is a round trip that changes
  // nothing: one inbound delivery orders its assignee and its status under
  // the same ticket's lock. True when `name` was not held yet.
  bool noteLockTaken(std::string_view name);

  // Rows a repository gathers over the open transaction and stores together
  // just before COMMIT; a rollback drops them. Each statement is a round
  // trip on PostgreSQL, and an applier's batch writes its sync log entries
  // (two per inbound delivery) in one statement instead of one each.
  class DeferredWrites {
   public:
    virtual ~DeferredWrites() = default;
    virtual void flush(UnitOfWork& uow) = 0;
  };
  // The open transaction's T, made at first use.
  template <class T>
  T& deferredWrites() {
    for (auto& [type, writes] : deferred_) {
      if (type == std::type_index(typeid(T))) return static_cast<T&>(*writes);
    }
    deferred_.emplace_back(std::type_index(typeid(T)), std::make_unique<T>());
    return static_cast<T&>(*deferred_.back().second);
  }
  // Stores what was deferred, in the order first deferred (commit() does
  // this before COMMIT; a read of the same rows does it first).
  void flushDeferredWrites();
  // Stores what T deferred, now: for a read of the rows T writes.
  template <class T>
  void flushDeferredWrites() {
    for (auto& [type, writes] : deferred_) {
      if (type == std::type_index(typeid(T))) writes->flush(*this);
    }
  }

  // Reads a repository keeps for the rest of the open transaction, so that
  // the services one delivery calls in turn (assignee, status, sync log)
  // read the same rows once. Each read is a round trip and an executor start
  // on PostgreSQL. A repository that writes what a kept read depends on
  // forgets it (forgetMemo); so does taking a new row lock (noteLockTaken)
  // and the transaction's end. nullptr outside a transaction, where every
  // read sees the latest commit.
  template <class T>
  T* transactionMemo() {
    if (!inTransaction()) return nullptr;
    for (auto& [type, memo] : memos_) {
      if (type == std::type_index(typeid(T))) return static_cast<T*>(memo.get());
    }
    memos_.emplace_back(std::type_index(typeid(T)), std::make_shared<T>());
    return static_cast<T*>(memos_.back().second.get());
  }
  template <class T>
  void forgetMemo() {
    std::erase_if(memos_, [](const auto& memo) { return memo.first == std::type_index(typeid(T)); });
  }

 protected:
  void runAfterCommitHooks();
  void dropAfterCommitHooks() {
    afterCommit_.clear();
    forgetTransactionState();
  }

 private:
  void forgetTransactionState() {
    cachedRecordsChanged_ = false;
    locksHeld_.clear();
    deferred_.clear();
    memos_.clear();
  }

  std::vector<std::function<void()>> afterCommit_;
  bool cachedRecordsChanged_ = false;
  std::vector<std::string> locksHeld_;  // a transaction holds a few
  std::vector<std::pair<std::type_index, std::unique_ptr<DeferredWrites>>> deferred_;
  std::vector<std::pair<std::type_index, std::shared_ptr<void>>> memos_;
};

}  // namespace ih::host::storage
