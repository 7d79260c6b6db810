// host/auth/sign_in_throttle.h - slows down password guessing: failed
// sign-ins are counted per account (the email typed, or the admin token) and
// per client address, and once either has too many failures within a
// sliding window further attempts are refused until the oldest failure falls
// out of it. A success clears the account's count (never the address's, or
// one known account could launder an address's guesses).
//
// Per process, in memory: several hosts behind one load balancer each keep
// their own count, so the effective limit is multiplied by their number.
// Memory is bounded: stale keys are pruned, and past kMaxKeys the oldest
// half is forgotten. Thread-safe.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "common/clock.h"

namespace ih::host::auth {

struct ThrottleLimit {
  size_t maxFailures = 5;
  int64_t windowMs = 15 * 60 * 1000;
};

class SignInThrottle {
 public:
  static constexpr size_t kMaxKeys = 100000;

  SignInThrottle(const Clock& clock, ThrottleLimit perAccount, ThrottleLimit perAddress)
      : clock_(clock), perAccount_(perAccount), perAddress_(perAddress) {}

  // 0 when an attempt may go ahead, else how long (ms) until one may.
  int64_t retryAfterMs(std::string_view account, std::string_view address);
  void recordFailure(std::string_view account, std::string_view address);
  void recordSuccess(std::string_view account);

 private:
  using Failures = std::map<std::string, std::deque<int64_t>, std::less<>>;
  static int64_t blockedFor(Failures& failures, std::string_view key, const ThrottleLimit& limit, int64_t now);
  static void add(Failures& failures, std::string_view key, const ThrottleLimit& limit, int64_t now);
  static void prune(Failures& failures, const ThrottleLimit& limit, int64_t now);

  const Clock& clock_;
  ThrottleLimit perAccount_;
  ThrottleLimit perAddress_;
  std::mutex mutex_;
  Failures accounts_;
  Failures addresses_;
};

}  // namespace ih::host::auth
