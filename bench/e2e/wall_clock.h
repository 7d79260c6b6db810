// bench/e2e/wall_clock.h - milliseconds since the Unix epoch, the clock Jira
// timestamps and mock-jira's journal use, so the driver's times compare with
// theirs.
#pragma once

#include <chrono>
#include <cstdint>

namespace ih::bench {

inline int64_t wallClockMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace ih::bench
