// Group commit of the SQLite WAL (storage/wal_group_commit.h) on real files:
// waits return once their commit is synced, a missing WAL owes nothing, and a
// failed sync refuses every later promise. That answers wait for the sync and
// that concurrent commits share it is proven from outside the host, under an
// fsync probe, in tests/e2e/durability/.
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <thread>
#include <vector>

#include "storage/storage_error.h"
#include "storage/wal_group_commit.h"
#include "support/temp_dir.h"

namespace ih::host::storage {
namespace {

TEST(WalGroupCommit, EveryCommitOfManyThreadsBecomesDurable) {
  ih::testing::TempDir dir;
  const std::string wal = dir.path() + "/host.db-wal";
  std::ofstream(wal) << "frames";
  WalGroupCommit group(wal);
  std::vector<std::thread> committers;
  std::atomic<int> settled{0};
  for (int i = 0; i < 8; ++i) {
    committers.emplace_back([&] {
      for (int j = 0; j < 20; ++j) {
        group.awaitDurable(group.noteCommitted());
        ++settled;
      }
    });
  }
  for (std::thread& t : committers) t.join();
  EXPECT_EQ(settled.load(), 160);
}

TEST(WalGroupCommit, AMissingWalOwesNothing) {
  ih::testing::TempDir dir;
  WalGroupCommit group(dir.path() + "/never-written.db-wal");
  EXPECT_NO_THROW(group.awaitDurable(group.noteCommitted()));
}

TEST(WalGroupCommit, AFailedSyncRefusesEveryLaterPromiseButKeepsEarlierOnes) {
  // procfs files cannot be synced (fdatasync fails with EINVAL): a disk that
  // reports a write-back error looks the same to the barrier.
  WalGroupCommit group("/proc/self/stat");
  EXPECT_THROW(group.awaitDurable(group.noteCommitted()), StorageError);
  EXPECT_THROW(group.awaitDurable(group.noteCommitted()), StorageError) << "a later success would prove nothing";
  EXPECT_NO_THROW(group.awaitDurable(0)) << "nothing committed, nothing to refuse";
}

}  // namespace
}  // namespace ih::host::storage
