// host/common/clock.h - the host's only source of "now", injectable in tests.
#pragma once

#include <atomic>
#include <cstdint>

namespace ih::host {

class Clock {
 public:
  virtual ~Clock() = default;
  // Milliseconds since the Unix epoch.
  virtual int64_t nowMs() const = 0;
};

class SystemClock final : public Clock {
 public:
  int64_t nowMs() const override;
};

// A clock tests move by hand. Thread-safe.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(int64_t startMs) : now_(startMs) {}
  int64_t nowMs() const override;
  void advance(int64_t deltaMs);
  void set(int64_t nowMs);

 private:
  std::atomic<int64_t> now_;  // atomic: workers read it while a test advances it
};

}  // namespace ih::host
