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

namespace ih::host::storage {
class UnitOfWork;
}

namespace ih::host::jobs {

struct JobOutcome {
  // LostLease: the attempt's completion found its lease gone and its unit of
  // work was rolled back, so it changed nothing.
  enum class Kind { Done, Retry, Dead, LostLease };
  Kind kind = Kind::Done;
  std::string reason;                 // Retry/Dead: why (never a secret)
  std::optional<int64_t> retryAfterMs;  // Retry: the remote side's hint
  bool recorded = false;              // Done: already marked done with the job's own commit

  static JobOutcome done() { return {Kind::Done, {}, std::nullopt}; }
  static JobOutcome doneAndRecorded() { return {Kind::Done, {}, std::nullopt, true}; }
  static JobOutcome lostLease() { return {Kind::LostLease, {}, std::nullopt}; }
  static JobOutcome retry(std::string why, std::optional<int64_t> after = std::nullopt) {
    return {Kind::Retry, std::move(why), after};
  }
  static JobOutcome dead(std::string why) { return {Kind::Dead, std::move(why), std::nullopt}; }
};

// Marks the running job done inside the unit of work that holds its effects,
// so the two commit together: one transaction fewer per job, and an attempt
// whose lease was taken over rolls its effects back instead of committing
// them beside the new owner's.
class JobCompletion {
 public:
  virtual ~JobCompletion() = default;
  // Not yet committed; false when the lease is no longer this attempt's
  // (the caller must then roll `uow` back).
  virtual bool markDoneIn(storage::UnitOfWork& uow) = 0;
};

class JobRunner {
 public:
  virtual ~JobRunner() = default;
  // Runs on a worker thread. Must not throw (an exception is treated as
  // Retry). A runner that commits the job's effects itself marks the job done
  // through `completion` first and answers doneAndRecorded() (or lostLease());
  // done() leaves the recording to the worker pool.
  virtual JobOutcome run(const storage::Job& job, JobCompletion& completion) = 0;
};

}  // namespace ih::host::jobs
