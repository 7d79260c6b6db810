// ThreadPool: runs tasks on up to `threads` threads, refuses past the queue
// bound, and stops without waiting forever for a task that never returns.
#include "common/thread_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <memory>

#include "support/eventually.h"
#include "support/gate.h"

namespace ih::host {
namespace {

using ih::testing::eventually;
using ih::testing::Gate;
using namespace std::chrono_literals;

ThreadPool::Options options(size_t threads, size_t maxQueued) {
  ThreadPool::Options o;
  o.threads = threads;
  o.maxQueued = maxQueued;
  return o;
}

TEST(ThreadPoolTest, RunsTasksOnAtMostItsThreadsAndRefusesPastTheQueue) {
  ThreadPool pool(options(2, 1));
  Gate gate;
  std::atomic<int> started{0}, done{0};
  auto task = [&] {
    ++started;
    gate.wait();
    ++done;
  };
  EXPECT_TRUE(pool.trySubmit(task));
  EXPECT_TRUE(pool.trySubmit(task));
  ASSERT_TRUE(eventually([&] { return started.load() == 2; }));
  EXPECT_TRUE(pool.trySubmit(task));   // queued: both threads are busy
  EXPECT_FALSE(pool.trySubmit(task));  // the queue holds one
  EXPECT_EQ(pool.threadCount(), 2u);
  gate.open();
  EXPECT_TRUE(eventually([&] { return done.load() == 3; }));
  EXPECT_TRUE(pool.stop(5s));
}

TEST(ThreadPoolTest, StopGivesUpOnATaskThatDoesNotReturnAndRefusesNewWork) {
  auto gate = std::make_shared<Gate>();
  std::atomic<bool> started{false};
  {
    ThreadPool pool(options(1, 8));
    pool.trySubmit([gate, &started] {
      started = true;
      gate->wait();
    });
    ASSERT_TRUE(eventually([&] { return started.load(); }));
    EXPECT_FALSE(pool.stop(50ms));
    EXPECT_FALSE(pool.trySubmit([] {}));
  }
  gate->open();  // the detached thread ends on its own, after the pool is gone
}

}  // namespace
}  // namespace ih::host
