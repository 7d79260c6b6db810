// host/ops/health.h - the readiness checks behind GET /healthz.
//
// Each probe is a small function that throws when its dependency is not
// usable (the database probe runs a trivial query). Probes are registered at
// wiring time; run() is thread-safe afterwards.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace ih::host::ops {

struct HealthStatus {
  bool ok = true;
  std::string failedCheck;  // the first probe that failed
  std::string reason;       // for the log only, never served
};

class HealthCheck {
 public:
  using Probe = std::function<void()>;

  void add(std::string name, Probe probe) { probes_.emplace_back(std::move(name), std::move(probe)); }
  HealthStatus run() const;

 private:
  std::vector<std::pair<std::string, Probe>> probes_;
};

}  // namespace ih::host::ops
