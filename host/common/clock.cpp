// host/common/clock.cpp - the wall clock and the hand-moved test clock.
#include "common/clock.h"

#include <chrono>

namespace ih::host {

int64_t SystemClock::nowMs() const {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

int64_t ManualClock::nowMs() const { return now_.load(); }

void ManualClock::advance(int64_t deltaMs) { now_.fetch_add(deltaMs); }

void ManualClock::set(int64_t nowMs) { now_.store(nowMs); }

}  // namespace ih::host
