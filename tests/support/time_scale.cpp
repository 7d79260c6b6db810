#include "support/time_scale.h"

#include <cstdlib>

namespace ih::testing {

int timeScale() {
  static const int scale = [] {
    const char* text = std::getenv("IH_TEST_TIME_SCALE");
    const int parsed = text != nullptr ? std::atoi(text) : 1;
    return parsed > 0 ? parsed : 1;
  }();
  return scale;
}

}  // namespace ih::testing
