// host/storage/wal_checkpointer.cpp - see wal_checkpointer.h.
#include "storage/wal_checkpointer.h"

#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Logger.h>
#include <sqlite3.h>

namespace ih::host::storage {

WalCheckpointer::WalCheckpointer(ConnectionPool::Factory connect, std::chrono::milliseconds interval)
    : connect_(std::move(connect)), interval_(interval) {
  thread_ = std::thread([this] { run(); });
}

WalCheckpointer::~WalCheckpointer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  stop_.notify_all();
  thread_.join();
}

void WalCheckpointer::run() {
  Poco::Logger& logger = Poco::Logger::get("ih.storage");
  std::unique_ptr<PooledConnection> connection;
  std::unique_lock lock(mutex_);
  while (!stop_.wait_for(lock, interval_, [this] { return stopping_; })) {
    lock.unlock();
    try {
      if (!connection) connection = connect_();
      sqlite3* db = Poco::Data::SQLite::Utility::dbHandle(*connection->session);
      const int rc = sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
      // BUSY: another checkpoint is running (a writer's bound); next time.
      if (rc != SQLITE_OK && rc != SQLITE_BUSY) {
        logger.warning("WAL checkpoint failed: %s", std::string(sqlite3_errstr(rc)));
        connection.reset();
      }
    } catch (const std::exception& e) {
      logger.warning(std::string("WAL checkpoint failed: ") + e.what());
      connection.reset();
    }
    lock.lock();
  }
}

}  // namespace ih::host::storage
