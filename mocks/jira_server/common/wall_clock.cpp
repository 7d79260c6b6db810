#include "common/wall_clock.h"

#include <chrono>

namespace ih::mock {

std::int64_t nowMillis() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace ih::mock
