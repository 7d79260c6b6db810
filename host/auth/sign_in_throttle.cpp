// host/auth/sign_in_throttle.cpp - see sign_in_throttle.h.
#include "auth/sign_in_throttle.h"

#include <algorithm>
#include <vector>

namespace ih::host::auth {

namespace {

// Drops the failures that left the window.
void expire(std::deque<int64_t>& times, const ThrottleLimit& limit, int64_t now) {
  while (!times.empty() && times.front() + limit.windowMs <= now) times.pop_front();
}

}  // namespace

int64_t SignInThrottle::blockedFor(Failures& failures, std::string_view key, const ThrottleLimit& limit, int64_t now) {
  auto it = failures.find(key);
  if (it == failures.end()) return 0;
  expire(it->second, limit, now);
  if (it->second.size() < limit.maxFailures) return 0;
  // The attempt may go ahead once enough failures have left the window.
  const int64_t freedAt = it->second[it->second.size() - limit.maxFailures] + limit.windowMs;
  return std::max<int64_t>(1, freedAt - now);
}

void SignInThrottle::add(Failures& failures, std::string_view key, const ThrottleLimit& limit, int64_t now) {
  if (failures.size() >= kMaxKeys) prune(failures, limit, now);
  auto it = failures.find(key);
  if (it == failures.end()) it = failures.emplace(std::string(key), std::deque<int64_t>{}).first;
  expire(it->second, limit, now);
  it->second.push_back(now);
  // Only the newest maxFailures matter for the decision.
  while (it->second.size() > limit.maxFailures) it->second.pop_front();
}

void SignInThrottle::prune(Failures& failures, const ThrottleLimit& limit, int64_t now) {
  for (auto it = failures.begin(); it != failures.end();) {
    expire(it->second, limit, now);
    it = it->second.empty() ? failures.erase(it) : std::next(it);
  }
  if (failures.size() < kMaxKeys) return;
  // Still full of live keys (an attack from many addresses): forget the half
  // whose last failure is oldest rather than grow without bound.
  std::vector<std::pair<int64_t, std::string>> byAge;
  for (const auto& [key, times] : failures) byAge.emplace_back(times.back(), key);
  std::nth_element(byAge.begin(), byAge.begin() + static_cast<std::ptrdiff_t>(byAge.size() / 2), byAge.end());
  for (size_t i = 0; i < byAge.size() / 2; ++i) failures.erase(byAge[i].second);
}

int64_t SignInThrottle::retryAfterMs(std::string_view account, std::string_view address) {
  std::lock_guard<std::mutex> lock(mutex_);
  const int64_t now = clock_.nowMs();
  return std::max(blockedFor(accounts_, account, perAccount_, now), blockedFor(addresses_, address, perAddress_, now));
}

void SignInThrottle::recordFailure(std::string_view account, std::string_view address) {
  std::lock_guard<std::mutex> lock(mutex_);
  const int64_t now = clock_.nowMs();
  add(accounts_, account, perAccount_, now);
  add(addresses_, address, perAddress_, now);
}

void SignInThrottle::recordSuccess(std::string_view account) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (auto it = accounts_.find(account); it != accounts_.end()) accounts_.erase(it);
}

}  // namespace ih::host::auth
