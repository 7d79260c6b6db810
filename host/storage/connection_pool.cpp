// host/storage/connection_pool.cpp - see connection_pool.h.
#include "storage/connection_pool.h"

#include <Poco/Data/Session.h>

#include <utility>

#include "storage/postgres_statements.h"
#include "storage/sqlite_statements.h"
#include "storage/storage_error.h"

namespace ih::host::storage {

PooledConnection::PooledConnection(std::unique_ptr<Poco::Data::Session> session,
                                   std::unique_ptr<SqliteStatements> statements)
    : session(std::move(session)), statements(std::move(statements)) {}

PooledConnection::PooledConnection(std::unique_ptr<Poco::Data::Session> session,
                                   std::unique_ptr<PostgresStatements> statements)
    : session(std::move(session)), postgres(statements.get()) {
  this->statements = std::move(statements);
}

// The statements go first: they point into the session's connection.
PooledConnection::~PooledConnection() { statements.reset(); }

bool PooledConnection::lostServer() const {
  return !session->isConnected() || (postgres != nullptr && postgres->connectionLost());
}

ConnectionPool::Lease::Lease(ConnectionPool& pool, std::unique_ptr<PooledConnection> connection)
    : pool_(&pool), connection_(std::move(connection)) {}

ConnectionPool::Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_), connection_(std::move(other.connection_)), broken_(other.broken_) {
  other.pool_ = nullptr;
}

ConnectionPool::Lease::~Lease() {
  if (pool_ != nullptr && connection_) pool_->giveBack(std::move(connection_), broken_);
}

ConnectionPool::ConnectionPool(Factory factory, int maxConnections, std::chrono::milliseconds acquireTimeout)
    : factory_(std::move(factory)),
      maxConnections_(maxConnections < 1 ? 1 : maxConnections),
      acquireTimeout_(acquireTimeout) {}

ConnectionPool::~ConnectionPool() = default;

ConnectionPool::Lease ConnectionPool::acquire() {
  std::unique_lock lock(mutex_);
  const bool ready =
      available_.wait_for(lock, acquireTimeout_, [&] { return !idle_.empty() || open_ < maxConnections_; });
  if (!ready) {
    throw StorageError(StorageError::Kind::Busy,
                       "no database connection free within " + std::to_string(acquireTimeout_.count()) + " ms");
  }
  if (!idle_.empty()) {
    auto connection = std::move(idle_.back());
    idle_.pop_back();
    return Lease(*this, std::move(connection));
  }
  ++open_;
  lock.unlock();
  // Connecting can be slow (network): never while holding the pool's lock.
  try {
    return Lease(*this, factory_());
  } catch (...) {
    lock.lock();
    --open_;
    available_.notify_one();
    throw;
  }
}

void ConnectionPool::giveBack(std::unique_ptr<PooledConnection> session, bool broken) {
  // A connection whose server went away (a PostgreSQL restart) stays dead,
  // and so do the idle ones opened to the same server: pooled again, each
  // would fail a later unit of work long after the database is back. They are
  // all closed, and new connections are opened on demand.
  const bool serverLost = session->lostServer();
  std::unique_ptr<PooledConnection> toClose;
  std::vector<std::unique_ptr<PooledConnection>> suspects;
  {
    std::lock_guard lock(mutex_);
    if (broken || serverLost) {
      toClose = std::move(session);
      --open_;
    } else {
      idle_.push_back(std::move(session));
    }
    if (serverLost) {
      suspects.swap(idle_);
      open_ -= static_cast<int>(suspects.size());
    }
  }
  available_.notify_all();
  // toClose's and the suspects' destructors disconnect outside the lock.
}

}  // namespace ih::host::storage
