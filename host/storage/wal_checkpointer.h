// host/storage/wal_checkpointer.h - moves SQLite's WAL into the database file
// from a thread of its own, so no request waits for it.
//
// Why: SQLite checkpoints automatically in the commit that lets the WAL pass
// 1 000 pages, on the committing thread and under the host's writer lock, so
// every writer queued behind it waits for the copy and the database file's
// fsync: 10-20 ms stalls every few hundred webhook deliveries, which set the
// p99 of a paced load (docs/benchmarks.md). Here a PASSIVE checkpoint runs
// every `interval` on its own connection; PASSIVE waits for no reader or
// writer, and in WAL mode a checkpoint runs beside the writer. The writers'
// own automatic checkpoint stays, at a much larger size
// (kWriterAutoCheckpointPages), only as a bound should this thread fall behind.
// Durability is unchanged: a checkpoint syncs the WAL before it copies and
// the database file after (wal_group_commit.h).
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "storage/connection_pool.h"

namespace ih::host::storage {

// wal_autocheckpoint of the connections that write: about 40 MiB of WAL.
inline constexpr int kWriterAutoCheckpointPages = 10000;

class WalCheckpointer {
 public:
  WalCheckpointer(ConnectionPool::Factory connect, std::chrono::milliseconds interval);
  ~WalCheckpointer();
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

 private:
  void run();

  ConnectionPool::Factory connect_;
  std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable stop_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace ih::host::storage
