// host/storage/wal_group_commit.h - group commit for SQLite in WAL mode with
// synchronous=NORMAL: commits stay cheap (no fsync while the writer lock is
// held), and an acknowledgement waits until its commit is forced to disk.
//
// Each commit takes the next sequence number once its COMMIT has returned,
// i.e. once its frames have been written to the -wal file. awaitDurable(n)
// then makes one waiter the leader: it reads the highest sequence committed
// so far, fdatasync()s the -wal file (any descriptor of the file will do on
// Linux; a fresh one each time, so a WAL deleted and re-created by SQLite is
// never missed) and publishes that sequence as durable. Waiters whose commit
// the leader covered return together; the others elect the next leader, so
// concurrent deliveries share one fsync and each waits only for its own.
//
// Why this is as strong as synchronous=FULL for acknowledged commits:
//   * a checkpoint (automatic or on close) under NORMAL syncs the WAL before
//     copying frames into the database and syncs the database file after, so
//     frames it moves were durable in the database file before the WAL can be
//     reset, and the reset itself never drops a frame not yet checkpointed;
//   * a WAL deleted when the last connection closes was fully checkpointed
//     (and synced) first, so a missing -wal file means nothing is pending.
// Once an fdatasync fails the barrier refuses every later promise: after a
// failed fsync Linux may have dropped the dirty pages, so a later success
// would not mean the earlier commits are on disk (the host must restart).
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>

#include "common/durability.h"

namespace ih::host::storage {

class WalGroupCommit final : public DurabilityBarrier {
 public:
  explicit WalGroupCommit(std::string walPath) : walPath_(std::move(walPath)) {}

  // Called right after a COMMIT that wrote returned; the number to wait for.
  uint64_t noteCommitted() { return committed_.fetch_add(1, std::memory_order_acq_rel) + 1; }
  void awaitDurable(uint64_t sequence) override;

 private:
  // fdatasync of the -wal file: 0 or an errno value.
  int syncWal() const;

  const std::string walPath_;
  std::atomic<uint64_t> committed_{0};
  std::mutex mutex_;
  std::condition_variable syncFinished_;
  uint64_t durable_ = 0;  // under mutex_
  bool syncing_ = false;  // a leader is in fdatasync
  int failedErrno_ = 0;   // sticky: see above
};

}  // namespace ih::host::storage
