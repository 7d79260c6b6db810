#include "support/eventually.h"

#include <thread>

#include "support/time_scale.h"

namespace ih::testing {

bool eventually(const std::function<bool()>& predicate, std::chrono::milliseconds timeout) {
  // Stretched on a slow (sanitized) build: see time_scale.h.
  const auto deadline = std::chrono::steady_clock::now() + scaled(timeout);
  while (std::chrono::steady_clock::now() < deadline) {
    if (predicate()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return predicate();
}

}  // namespace ih::testing
