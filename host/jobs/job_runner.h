// host/jobs/job_runner.h - what a worker does with a claimed job.
//
// The worker pool hands each claimed job to the JobRunner registered for its
// plugin key ("" = host jobs) and records the outcome in the queue.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "storage/records.h"

namespace ih::host::jobs {

struct JobOutcome {
  enum class Kind { Done, Retry, Dead };
  Kind kind = Kind::Done;
  std::string reason;                 // Retry/Dead: why (never a secret)
  std::optional<int64_t> retryAfterMs;  // Retry: the remote side's hint

  static JobOutcome done() { return {Kind::Done, {}, std::nullopt}; }
  static JobOutcome retry(std::string why, std::optional<int64_t> after = std::nullopt) {
    return {Kind::Retry, std::move(why), after};
  }
  static JobOutcome dead(std::string why) { return {Kind::Dead, std::move(why), std::nullopt}; }
};

class JobRunner {
 public:
  virtual ~JobRunner() = default;
  // Runs on a worker thread. Must not throw (an exception is treated as Retry).
  virtual JobOutcome run(const storage::Job& job) = 0;
};

}  // namespace ih::host::jobs
