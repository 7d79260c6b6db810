#include "ops/health.h"

#include <exception>

namespace ih::host::ops {

HealthStatus HealthCheck::run() const {
  for (const auto& [name, probe] : probes_) {
    try {
      probe();
    } catch (const std::exception& e) {
      return HealthStatus{false, name, e.what()};
    } catch (...) {
      return HealthStatus{false, name, "unknown failure"};
    }
  }
  return HealthStatus{};
}

}  // namespace ih::host::ops
