// Backoff bounds: exponential, full jitter over [0, ceiling], capped, and a
// Retry-After hint that wins (within its own cap).
#include "jobs/retry_policy.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace ih::host::jobs {
namespace {

TEST(RetryPolicyTest, FirstRetryComesWithinFiveSecondsByDefault) {
  const RetryPolicy policy;
  EXPECT_EQ(policy.ceilingBeforeAttempt(2), 1000);
  for (double r : {0.0, 0.25, 0.5, 0.999999}) EXPECT_LE(policy.delayBeforeAttempt(2, r), 5000);
  // The contract's bound holds for the largest base the options accept.
  const RetryPolicy slowest{8, 5000, 300'000};
  EXPECT_LE(slowest.delayBeforeAttempt(2, 0.999999), 5000);
}

TEST(RetryPolicyTest, CeilingDoublesPerAttemptAndJitterSpansTheWholeWindow) {
  const RetryPolicy policy{8, 1000, 60'000};
  EXPECT_EQ(policy.ceilingBeforeAttempt(2), 1000);
  EXPECT_EQ(policy.ceilingBeforeAttempt(3), 2000);
  EXPECT_EQ(policy.ceilingBeforeAttempt(4), 4000);
  EXPECT_EQ(policy.delayBeforeAttempt(2, 0.0), 0) << "full jitter reaches down to 0";
  EXPECT_EQ(policy.delayBeforeAttempt(4, 0.0), 0);
  EXPECT_EQ(policy.delayBeforeAttempt(4, 0.25), 1000);
  EXPECT_EQ(policy.delayBeforeAttempt(4, 0.5), 2000);
  EXPECT_EQ(policy.delayBeforeAttempt(4, 0.999999), 4000) << "and up to the ceiling";
  EXPECT_EQ(policy.delayBeforeAttempt(5, 0.5), 4000);
}

// Spread, not pinned to one half: over many draws the delays cover the lower
// and the upper half of the window and average near its middle.
TEST(RetryPolicyTest, DelaysAreSpreadUniformlyOverTheWindow) {
  const RetryPolicy policy{8, 1000, 60'000};
  std::mt19937_64 engine(42);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  int64_t lowest = 1'000'000, highest = -1, sum = 0, lowerHalf = 0;
  constexpr int kDraws = 10'000;
  for (int i = 0; i < kDraws; ++i) {
    const int64_t delay = policy.delayBeforeAttempt(4, uniform(engine));
    lowest = std::min(lowest, delay);
    highest = std::max(highest, delay);
    sum += delay;
    if (delay < 2000) ++lowerHalf;
  }
  EXPECT_LT(lowest, 40);
  EXPECT_GT(highest, 3960);
  EXPECT_NEAR(static_cast<double>(sum) / kDraws, 2000.0, 60.0);
  EXPECT_NEAR(static_cast<double>(lowerHalf) / kDraws, 0.5, 0.03);
}

TEST(RetryPolicyTest, DelayNeverExceedsTheCapEvenForHugeAttemptNumbers) {
  const RetryPolicy policy{100, 1000, 30'000};
  for (uint32_t attempt : {7u, 20u, 64u, 1000u, 4'000'000'000u}) {
    EXPECT_EQ(policy.ceilingBeforeAttempt(attempt), 30'000) << attempt;
    EXPECT_EQ(policy.delayBeforeAttempt(attempt, 0.999999), 30'000) << attempt;
    EXPECT_EQ(policy.delayBeforeAttempt(attempt, 0.5), 15'000) << attempt;
  }
}

TEST(RetryPolicyTest, RetryAfterOverridesButIsClamped) {
  const RetryPolicy policy{8, 1000, 10'000};
  EXPECT_EQ(policy.delayBeforeAttempt(2, 0.9, 7000), 7000);
  EXPECT_EQ(policy.delayBeforeAttempt(6, 0.9, 0), 0);
  EXPECT_EQ(policy.delayBeforeAttempt(2, 0.9, 1'000'000), 40'000);  // maxDelay * 4
  EXPECT_EQ(policy.delayBeforeAttempt(2, 0.9, -5), 0);
}

TEST(RetryPolicyTest, OutOfRangeRandomIsClamped) {
  const RetryPolicy policy{8, 1000, 10'000};
  EXPECT_EQ(policy.delayBeforeAttempt(2, -3.0), 0);
  EXPECT_EQ(policy.delayBeforeAttempt(2, 7.0), 1000);
}

}  // namespace
}  // namespace ih::host::jobs
