#include "support/eventually.h"

#include <cstdlib>
#include <thread>

namespace ih::testing {

namespace {

// IH_TEST_TIME_SCALE (a whole number, default 1) stretches every wait: a
// sanitized build (scripts/tsan sets it) runs several times slower, and a
// condition that holds in time on a plain build is no less true there.
int timeScale() {
  static const int scale = [] {
    const char* text = std::getenv("IH_TEST_TIME_SCALE");
    const int parsed = text != nullptr ? std::atoi(text) : 1;
    return parsed > 0 ? parsed : 1;
  }();
  return scale;
}

}  // namespace

bool eventually(const std::function<bool()>& predicate, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout * timeScale();
  while (std::chrono::steady_clock::now() < deadline) {
    if (predicate()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return predicate();
}

}  // namespace ih::testing
