// How much longer than on a plain build a test's waits may take:
// IH_TEST_TIME_SCALE (a whole number, default 1). A sanitized build
// (scripts/tsan sets 4) runs several times slower, and a condition that holds
// in time on a plain build is no less true there. eventually() stretches its
// budget by it; a test that sets a deadline of the code under test (a plugin
// call's timeout) stretches it with scaled().
#pragma once

#include <chrono>

namespace ih::testing {

int timeScale();

template <class Rep, class Period>
std::chrono::duration<Rep, Period> scaled(std::chrono::duration<Rep, Period> duration) {
  return duration * timeScale();
}

}  // namespace ih::testing
