// The turn of one call at a time into a plugin that is not thread-safe: a
// call waits for it up to its deadline and then gives up; a turn given back
// goes to a waiting call, which then sees everything the previous holder
// wrote (under ThreadSanitizer, a missing order would be reported here).
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <mutex>

#include "plugins/plugin_turn.h"

namespace ih::test {
namespace {

using host::plugins::PluginTurn;
using namespace std::chrono_literals;

std::chrono::steady_clock::time_point in(std::chrono::milliseconds wait) {
  return std::chrono::steady_clock::now() + wait;
}

TEST(PluginTurnTest, AWaitingCallGivesUpAtItsDeadlineWhileTheTurnIsHeld) {
  PluginTurn turn;
  ASSERT_TRUE(turn.try_lock_until(in(0ms))) << "a free turn is taken even at a deadline already past";
  const auto started = std::chrono::steady_clock::now();
  EXPECT_FALSE(turn.try_lock_until(started + 50ms));
  EXPECT_GE(std::chrono::steady_clock::now() - started, 50ms) << "it waited until its deadline";
  turn.unlock();
  EXPECT_TRUE(turn.try_lock_until(in(0ms))) << "given back, the turn is free again";
  turn.unlock();
}

TEST(PluginTurnTest, AWaitingCallTakesTheTurnOnceGivenBackAndSeesTheHoldersWrites) {
  PluginTurn turn;
  ASSERT_TRUE(turn.try_lock_until(in(0ms)));
  int pluginState = 0;  // what a non-thread-safe plugin keeps unguarded
  std::promise<void> waiting;
  auto next = std::async(std::launch::async, [&] {
    waiting.set_value();
    std::unique_lock<PluginTurn> held(turn, std::defer_lock);
    if (!held.try_lock_until(in(60s))) return -1;
    return ++pluginState;
  });
  waiting.get_future().wait();
  pluginState = 41;  // still the holder's turn: the waiting call has not run
  turn.unlock();
  // Given back, the turn wakes the waiting call long before its own deadline.
  ASSERT_EQ(next.wait_for(10s), std::future_status::ready);
  EXPECT_EQ(next.get(), 42);
  EXPECT_TRUE(turn.try_lock_until(in(0ms))) << "the waiting call gave the turn back when it ended";
  turn.unlock();
}

}  // namespace
}  // namespace ih::test
