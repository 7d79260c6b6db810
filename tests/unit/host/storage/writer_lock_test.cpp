// The SQLite writer lock: waiters are served oldest first; one that has
// waited long enough is handed the lock, so not even the writer that just let
// go can take it back first; a writer that gave up leaves the queue.
#include "storage/writer_lock.h"

#include <gtest/gtest.h>

#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace ih::host::storage {
namespace {

using std::chrono::milliseconds;

class WriterLockTest : public ::testing::Test {
 protected:
  // Spins until `count` writers are queued (no timing assumption).
  void awaitQueued(size_t count) {
    while (lock_.waiting() != count) std::this_thread::yield();
  }
  void record(const std::string& who) {
    std::lock_guard guard(orderMutex_);
    order_.push_back(who);
  }

  WriterLock lock_;
  std::mutex orderMutex_;
  std::vector<std::string> order_;
};

TEST_F(WriterLockTest, AWriterThatHasWaitedLongEnoughIsHandedTheLock) {
  ASSERT_TRUE(lock_.tryLockFor(milliseconds(0)));
  std::thread waiter([&] {
    ASSERT_TRUE(lock_.tryLockFor(milliseconds(10000)));
    record("waiter");
    lock_.unlock();
  });
  awaitQueued(1);
  std::this_thread::sleep_for(milliseconds(20));  // past the hand-over threshold (5 ms)
  lock_.unlock();
  // Straight back for the next write, as a loop thread does: with a free-for-
  // all wake-up it would win at once, before the waiter is even scheduled.
  ASSERT_TRUE(lock_.tryLockFor(milliseconds(10000)));
  record("releaser");
  lock_.unlock();
  waiter.join();
  EXPECT_EQ(order_, (std::vector<std::string>{"waiter", "releaser"}));
}

TEST_F(WriterLockTest, WaitersAreServedInArrivalOrder) {
  ASSERT_TRUE(lock_.tryLockFor(milliseconds(0)));
  std::vector<std::thread> writers;
  for (int i = 0; i < 4; ++i) {
    writers.emplace_back([this, i] {
      ASSERT_TRUE(lock_.tryLockFor(milliseconds(10000)));
      record(std::to_string(i));
      lock_.unlock();
    });
    awaitQueued(static_cast<size_t>(i) + 1);
  }
  lock_.unlock();
  for (auto& writer : writers) writer.join();
  EXPECT_EQ(order_, (std::vector<std::string>{"0", "1", "2", "3"}));
  EXPECT_EQ(lock_.waiting(), 0u);
}

TEST_F(WriterLockTest, AWriterThatGivesUpLeavesTheQueue) {
  ASSERT_TRUE(lock_.tryLockFor(milliseconds(0)));
  EXPECT_FALSE(lock_.tryLockFor(milliseconds(20)));
  EXPECT_EQ(lock_.waiting(), 0u);
  std::thread next([&] {
    ASSERT_TRUE(lock_.tryLockFor(milliseconds(10000)));
    record("next");
    lock_.unlock();
  });
  awaitQueued(1);
  lock_.unlock();  // goes to `next`, not to the writer that gave up
  next.join();
  EXPECT_EQ(order_, (std::vector<std::string>{"next"}));
  EXPECT_TRUE(lock_.tryLockFor(milliseconds(0)));  // free again once `next` let go
  lock_.unlock();
}

}  // namespace
}  // namespace ih::host::storage
