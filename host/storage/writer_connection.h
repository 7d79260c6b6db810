// host/storage/writer_connection.h - the one SQLite connection every write
// transaction of a database runs on, used only by the writer lock's holder.
//
// Why one: in WAL mode a connection drops its whole page cache when it finds
// that another connection has committed since it last looked. With writes
// spread over the pool's connections, every write transaction began by
// re-reading each page it touched from the kernel (about 48 pread calls and
// their B-tree page set-up per assignee delivery, docs/benchmarks.md
// "Round 6"). Writers take turns under the writer lock anyway, so running
// them all on one connection costs no concurrency, and its cache stays valid
// from one write to the next.
//
// Not thread-safe by itself: the writer lock is what makes its use exclusive.
#pragma once

#include <memory>

#include "storage/connection_pool.h"

namespace ih::host::storage {

class WriterConnection {
 public:
  explicit WriterConnection(ConnectionPool::Factory connect) : connect_(std::move(connect)) {}

  // Opens the connection on first use, and again after discard().
  PooledConnection& get() {
    if (!connection_) connection_ = connect_();
    return *connection_;
  }
  // Its state is doubtful (a failed ROLLBACK): the next writer gets a new one.
  void discard() { connection_.reset(); }

 private:
  ConnectionPool::Factory connect_;
  std::unique_ptr<PooledConnection> connection_;
};

}  // namespace ih::host::storage
