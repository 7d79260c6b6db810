// Failed sign-in limits per account and per address, in a sliding window.
#include "auth/sign_in_throttle.h"

#include <gtest/gtest.h>

#include "common/clock.h"

namespace ih::host::auth {
namespace {

constexpr int64_t kMinute = 60 * 1000;

class SignInThrottleTest : public ::testing::Test {
 protected:
  ManualClock clock{1700000000000};
  SignInThrottle throttle{clock, ThrottleLimit{3, 10 * kMinute}, ThrottleLimit{5, 10 * kMinute}};
};

TEST_F(SignInThrottleTest, AnAccountIsBlockedAfterItsLimitUntilTheWindowMoves) {
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(throttle.retryAfterMs("email:a", "10.0.0.1"), 0);
    throttle.recordFailure("email:a", "10.0.0.1");
    clock.advance(kMinute);
  }
  // Three failures at t=0,1,2 min: free again when the first leaves (t=10 min).
  EXPECT_EQ(throttle.retryAfterMs("email:a", "10.0.0.2"), 7 * kMinute);
  EXPECT_EQ(throttle.retryAfterMs("email:b", "10.0.0.2"), 0) << "other accounts are not affected";
  clock.advance(7 * kMinute);
  EXPECT_EQ(throttle.retryAfterMs("email:a", "10.0.0.2"), 0);
}

TEST_F(SignInThrottleTest, AnAddressIsBlockedAcrossAccounts) {
  for (int i = 0; i < 5; ++i) throttle.recordFailure("email:user" + std::to_string(i), "10.0.0.9");
  EXPECT_GT(throttle.retryAfterMs("email:fresh", "10.0.0.9"), 0);
  EXPECT_EQ(throttle.retryAfterMs("email:fresh", "10.0.0.10"), 0);
}

TEST_F(SignInThrottleTest, SuccessClearsTheAccountButNotTheAddress) {
  for (int i = 0; i < 3; ++i) throttle.recordFailure("email:a", "10.0.0.1");
  throttle.recordSuccess("email:a");
  EXPECT_EQ(throttle.retryAfterMs("email:a", "10.0.0.7"), 0);
  for (int i = 0; i < 2; ++i) throttle.recordFailure("email:c", "10.0.0.1");
  EXPECT_GT(throttle.retryAfterMs("email:a", "10.0.0.1"), 0) << "the address keeps its five failures";
}

TEST_F(SignInThrottleTest, OldFailuresDoNotCount) {
  throttle.recordFailure("email:a", "10.0.0.1");
  throttle.recordFailure("email:a", "10.0.0.1");
  clock.advance(10 * kMinute);
  throttle.recordFailure("email:a", "10.0.0.1");
  EXPECT_EQ(throttle.retryAfterMs("email:a", "10.0.0.1"), 0);
}

TEST_F(SignInThrottleTest, ManyAddressesStayBounded) {
  SignInThrottle small(clock, ThrottleLimit{1, kMinute}, ThrottleLimit{1, kMinute});
  for (size_t i = 0; i < SignInThrottle::kMaxKeys + 10; ++i) small.recordFailure("email:x", std::to_string(i));
  // The newest addresses are still remembered after the prune.
  EXPECT_GT(small.retryAfterMs("email:y", std::to_string(SignInThrottle::kMaxKeys + 9)), 0);
}

}  // namespace
}  // namespace ih::host::auth
