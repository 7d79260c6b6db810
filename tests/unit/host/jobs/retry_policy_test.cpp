// Backoff bounds: exponential, jittered within [ceiling/2, ceiling], capped,
// and a Retry-After hint that wins (within its own cap).
#include "jobs/retry_policy.h"

#include <gtest/gtest.h>

namespace ih::host::jobs {
namespace {

TEST(RetryPolicyTest, FirstRetryComesWithinFiveSecondsByDefault) {
  const RetryPolicy policy;
  for (double r : {0.0, 0.25, 0.5, 0.999999}) {
    const int64_t delay = policy.delayBeforeAttempt(2, r);
    EXPECT_GE(delay, 500);
    EXPECT_LE(delay, 1000);
    EXPECT_LE(delay, 5000);
  }
}

TEST(RetryPolicyTest, CeilingDoublesPerAttemptAndJitterSpansTheUpperHalf) {
  const RetryPolicy policy{8, 1000, 60'000};
  EXPECT_EQ(policy.delayBeforeAttempt(2, 0.0), 500);
  EXPECT_EQ(policy.delayBeforeAttempt(3, 0.0), 1000);
  EXPECT_EQ(policy.delayBeforeAttempt(4, 0.0), 2000);
  EXPECT_EQ(policy.delayBeforeAttempt(4, 0.999999), 3999);
  EXPECT_EQ(policy.delayBeforeAttempt(5, 0.5), 6000);
}

TEST(RetryPolicyTest, DelayNeverExceedsTheCapEvenForHugeAttemptNumbers) {
  const RetryPolicy policy{100, 1000, 30'000};
  for (uint32_t attempt : {7u, 20u, 64u, 1000u, 4'000'000'000u}) {
    const int64_t delay = policy.delayBeforeAttempt(attempt, 0.999);
    EXPECT_LE(delay, 30'000) << attempt;
    EXPECT_GE(delay, 15'000) << attempt;
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
  EXPECT_EQ(policy.delayBeforeAttempt(2, -3.0), 500);
  EXPECT_EQ(policy.delayBeforeAttempt(2, 7.0), 1000);
}

}  // namespace
}  // namespace ih::host::jobs
