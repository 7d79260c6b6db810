// host/storage/connection_pool.cpp - see connection_pool.h.
#include "storage/connection_pool.h"

#include <Poco/Data/Session.h>

#include <utility>

#include "storage/storage_error.h"

namespace ih::host::storage {

ConnectionPool::Lease::Lease(ConnectionPool& pool, std::unique_ptr<Poco::Data::Session> session)
    : pool_(&pool), session_(std::move(session)) {}

ConnectionPool::Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_), session_(std::move(other.session_)), broken_(other.broken_) {
  other.pool_ = nullptr;
}

ConnectionPool::Lease::~Lease() {
  if (pool_ != nullptr && session_) pool_->giveBack(std::move(session_), broken_);
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
    auto session = std::move(idle_.back());
    idle_.pop_back();
    return Lease(*this, std::move(session));
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

void ConnectionPool::giveBack(std::unique_ptr<Poco::Data::Session> session, bool broken) {
  // A connection whose server went away (a PostgreSQL restart) stays dead,
  // and so do the idle ones opened to the same server: pooled again, each
  // would fail a later unit of work long after the database is back. They are
  // all closed, and new connections are opened on demand.
  const bool serverLost = !session->isConnected();
  std::unique_ptr<Poco::Data::Session> toClose;
  std::vector<std::unique_ptr<Poco::Data::Session>> suspects;
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
