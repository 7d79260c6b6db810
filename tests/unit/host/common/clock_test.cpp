// Clocks: the system clock tracks real time; the manual one moves only by hand.
#include "common/clock.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>
#include <vector>

namespace ih::host {
namespace {

TEST(SystemClockTest, ReportsMillisecondsSinceEpoch) {
  const SystemClock clock;
  const int64_t before =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
          .count();
  const int64_t now = clock.nowMs();
  EXPECT_GE(now, before);
  EXPECT_LT(now - before, 1000);
  EXPECT_GT(now, 1'600'000'000'000);  // sanity: milliseconds, not seconds
}

TEST(ManualClockTest, MovesOnlyWhenTold) {
  ManualClock clock(1000);
  EXPECT_EQ(clock.nowMs(), 1000);
  clock.advance(250);
  EXPECT_EQ(clock.nowMs(), 1250);
  clock.set(5);
  EXPECT_EQ(clock.nowMs(), 5);
}

TEST(ManualClockTest, AdvancesFromManyThreadsWithoutLosingSteps) {
  ManualClock clock(0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 1000; ++i) clock.advance(1);
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(clock.nowMs(), 4000);
}

}  // namespace
}  // namespace ih::host
