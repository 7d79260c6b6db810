// The WAL checkpointer (storage/wal_checkpointer.h) on real SQLite files: a
// commit that takes the WAL past the mark leaves the copying to the
// checkpointer's thread, the WAL starts over although writers never pause,
// and the flush made under the writer lock carries only what was written
// after the passes beside the writers.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <future>
#include <memory>
#include <string>
#include <thread>

#include "storage/wal_checkpointer.h"
#include "storage/writer_lock.h"
#include "support/flush_probe_vfs.h"
#include "support/temp_dir.h"

namespace ih::host::storage {
namespace {

using namespace std::chrono_literals;

constexpr int kPageBytes = 4096;

class WalCheckpointerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Poco::Data::SQLite::Connector::registerConnector();
    ASSERT_EQ(sqlite3_open(path_.c_str(), &writer_), SQLITE_OK);
    exec("PRAGMA journal_mode = WAL");
    exec("PRAGMA synchronous = NORMAL");
    exec("CREATE TABLE t (x BLOB)");
  }
  void TearDown() override { sqlite3_close(writer_); }

  void exec(const std::string& sql) {
    char* error = nullptr;
    ASSERT_EQ(sqlite3_exec(writer_, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK) << (error ? error : "");
  }
  // `rows` rows of a page each, in one transaction.
  void insertPages(int rows) {
    exec("INSERT INTO t SELECT zeroblob(4000) FROM (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c"
         " WHERE n < " + std::to_string(rows) + ") SELECT n FROM c)");
  }
  WalCheckpointer::Connect connectAfter(std::shared_future<void> allowed) {
    return [path = path_, allowed] {
      allowed.wait();
      return std::make_unique<Poco::Data::Session>(Poco::Data::SQLite::Connector::KEY, path);
    };
  }
  static void waitFor(const std::function<bool()>& done) {
    for (auto until = std::chrono::steady_clock::now() + 20s; !done() && std::chrono::steady_clock::now() < until;) {
      std::this_thread::sleep_for(10ms);
    }
  }
  uintmax_t databaseBytes() const { return std::filesystem::file_size(path_); }
  uintmax_t walBytes() const { return std::filesystem::file_size(path_ + "-wal"); }

  ih::testing::TempDir dir_;
  std::string path_ = dir_.path() + "/host.db";
  sqlite3* writer_ = nullptr;
  std::shared_ptr<WriterLock> writerLock_ = std::make_shared<WriterLock>();
};

// SQLite itself would have copied the pages back inside this commit (it
// checkpoints at 1 000 pages on the committing connection).
TEST_F(WalCheckpointerTest, ACommitPastTheMarkLeavesTheCopyingToTheCheckpointer) {
  std::promise<void> allow;
  WalCheckpointer checkpointer(connectAfter(allow.get_future().share()), writerLock_);
  checkpointer.watch(writer_);
  insertPages(WalCheckpointer::kPagesPerCheckpoint + 500);
  EXPECT_LT(databaseBytes(), 100u * kPageBytes) << "the commit copied its pages into the database file";
  EXPECT_EQ(checkpointer.checkpoints(), 0);

  allow.set_value();
  waitFor([&] { return checkpointer.checkpoints() >= 1; });
  EXPECT_EQ(checkpointer.checkpoints(), 1);
  EXPECT_GT(databaseBytes(), static_cast<uintmax_t>(WalCheckpointer::kPagesPerCheckpoint) * kPageBytes);
}

// Below the mark, nobody is woken.
TEST_F(WalCheckpointerTest, SmallCommitsDoNotWakeIt) {
  std::promise<void> allow;
  allow.set_value();
  WalCheckpointer checkpointer(connectAfter(allow.get_future().share()), writerLock_);
  checkpointer.watch(writer_);
  for (int i = 0; i < 20; ++i) insertPages(10);
  std::this_thread::sleep_for(100ms);
  EXPECT_EQ(checkpointer.checkpoints(), 0);
}

// Writers that commit back to back, as the host's do under load (each under
// the writer lock): a checkpoint beside them never catches up with the newest
// frame, so without its short turn under the lock the WAL would never start
// over and would grow by every page written.
TEST_F(WalCheckpointerTest, TheWalStartsOverThoughWritersNeverPause) {
  std::promise<void> allow;
  allow.set_value();
  WalCheckpointer checkpointer(connectAfter(allow.get_future().share()), writerLock_);
  checkpointer.watch(writer_);
  const int rounds = 20 * WalCheckpointer::kPagesPerCheckpoint / 40;
  for (int i = 0; i < rounds; ++i) {
    ASSERT_TRUE(writerLock_->tryLockFor(10s));
    insertPages(40);
    writerLock_->unlock();
    std::this_thread::sleep_for(1ms);  // requests come and go; 160 MB/s of pages is the writer's most
  }
  EXPECT_GE(checkpointer.checkpoints(), 2);
  EXPECT_LT(walBytes(), 8u * WalCheckpointer::kPagesPerCheckpoint * kPageBytes)
      << "pages written: " << rounds * 40;
}

// Writers that never pause commit while the checkpointer copies (here: 40
// pages after every 200 it copies, unless it holds the writer lock). SQLite
// flushes the database file only after a pass that copied the whole WAL,
// which beside such writers is only the pass under the writer lock: left to
// itself, that flush carries every page copied, while every acknowledgement
// waits for the lock.
TEST_F(WalCheckpointerTest, TheFlushUnderTheWriterLockCarriesOnlyTheLastFewPages) {
  ih::test::FlushProbeVfs probe;
  const auto lockHeld = [this] {
    if (!writerLock_->tryLockFor(0ms)) return true;
    writerLock_->unlock();
    return false;
  };
  probe.askAtFlush(lockHeld);
  const int pagesBefore = WalCheckpointer::kPagesPerCheckpoint + 500;
  const int pagesPerCommit = 40;
  probe.beforeWrites(200, [&] {
    if (!writerLock_->tryLockFor(0ms)) return;
    insertPages(pagesPerCommit);
    writerLock_->unlock();
  });
  WalCheckpointer checkpointer(
      [path = path_] {
        return std::make_unique<Poco::Data::Session>(Poco::Data::SQLite::Connector::KEY,
                                                     "file:" + path + "?vfs=" + ih::test::FlushProbeVfs::kName);
      },
      writerLock_);
  checkpointer.watch(writer_);
  insertPages(pagesBefore);
  waitFor([&] { return checkpointer.checkpoints() >= 1; });
  ASSERT_EQ(checkpointer.checkpoints(), 1);

  int carriedUnderTheLock = 0;
  int carried = 0;
  std::string flushes;
  for (const ih::test::FlushProbeVfs::Flush& flush : probe.flushes()) {
    carried += flush.pagesCarried;
    if (flush.whileHeld) carriedUnderTheLock += flush.pagesCarried;
    flushes += std::to_string(flush.pagesCarried) + (flush.whileHeld ? " pages under the lock; " : " pages; ");
  }
  EXPECT_GE(carried, pagesBefore) << "every page copied was flushed";
  EXPECT_EQ(probe.pagesNotFlushed(), 0);
  EXPECT_LE(carriedUnderTheLock, 2 * pagesPerCommit) << "flushes: " << flushes;
}

}  // namespace
}  // namespace ih::host::storage
