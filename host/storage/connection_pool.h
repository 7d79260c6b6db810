// host/storage/connection_pool.h - a bounded pool of database connections.
//
// Each unit of work leases one connection for its whole life. Connections are
// opened lazily up to the limit; when all are leased, acquire() waits (and
// gives up with a StorageError after the timeout rather than hang forever).
// A connection whose state is doubtful (a failed ROLLBACK) is closed instead
// of being handed out again; one that lost its server is closed with every
// idle connection, so the pool recovers at once when the database is back.
// Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace Poco::Data {
class Session;
}

namespace ih::host::storage {

class PostgresStatements;
class PreparedStatements;
class SqliteStatements;

// One pooled connection: its Poco session (set-up SQL) and the statements
// prepared on it, which live as long as the connection does.
struct PooledConnection {
  PooledConnection(std::unique_ptr<Poco::Data::Session> session, std::unique_ptr<SqliteStatements> statements);
  PooledConnection(std::unique_ptr<Poco::Data::Session> session, std::unique_ptr<PostgresStatements> statements);
  ~PooledConnection();
  std::unique_ptr<Poco::Data::Session> session;
  std::unique_ptr<PreparedStatements> statements;
  PostgresStatements* postgres = nullptr;  // `statements` on PostgreSQL, for its transaction calls
  bool lostServer() const;
};

class ConnectionPool {
 public:
  using Factory = std::function<std::unique_ptr<PooledConnection>()>;

  class Lease {
   public:
    Lease(ConnectionPool& pool, std::unique_ptr<PooledConnection> connection);
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    ~Lease();

    Poco::Data::Session& session() { return *connection_->session; }
    PreparedStatements& statements() { return *connection_->statements; }
    PostgresStatements* postgresStatements() { return connection_->postgres; }
    void markBroken() { broken_ = true; }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<PooledConnection> connection_;
    bool broken_ = false;
  };

  ConnectionPool(Factory factory, int maxConnections, std::chrono::milliseconds acquireTimeout);
  ~ConnectionPool();
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  Lease acquire();

 private:
  void giveBack(std::unique_ptr<PooledConnection> connection, bool broken);

  Factory factory_;
  int maxConnections_;
  std::chrono::milliseconds acquireTimeout_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<PooledConnection>> idle_;
  int open_ = 0;  // idle + leased
};

}  // namespace ih::host::storage
