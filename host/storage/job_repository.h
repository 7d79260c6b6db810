// host/storage/job_repository.h - rows of the durable job queue.
//
// Claiming is two steps that are safe on both backends without row-locking
// syntax: pick the candidate, then flip it with a conditional UPDATE
// (state = 'pending') that only one claimer can win.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/records.h"

namespace ih::host::storage {

class UnitOfWork;

class JobRepository {
 public:
  explicit JobRepository(UnitOfWork& uow) : uow_(uow) {}
  int64_t insert(const Job& job);
  std::optional<Job> findById(int64_t id);
  // The lowest-id pending job due at `now` whose ordering key (if any) has no
  // earlier pending or running job.
  std::optional<Job> nextClaimable(int64_t now);
  // Its statement (one `?`: now), for EXPLAIN in tests.
  static std::string nextClaimableSql();
  // True while a pending or running job of the organization with this
  // ordering key carries event `eventType` (Job::eventType), other than
  // `exceptJobId`.
  // A pending or running job with this ordering key exists.
  bool hasUnfinished(std::string_view orderingKey);
  bool hasUnfinishedEvent(std::string_view orderingKey, int64_t organizationId, int32_t eventType,
                          std::optional<int64_t> exceptJobId);
  // pending -> running, attempts + 1; false when someone else won it.
  bool markRunning(int64_t id, int64_t now);
  void markDone(int64_t id, int64_t now, const std::optional<std::string>& note = std::nullopt);
  void reschedule(int64_t id, int64_t runAt, const std::string& error, int64_t now);
  void markDead(int64_t id, const std::string& reason, int64_t now);
  size_t requeueRunning(int64_t now);
  // A dead job runs again: pending now, attempts from 0, keeping its id, so it
  // still goes before the later jobs of its ordering key. False unless the
  // job is dead and the organization's.
  bool reviveDead(int64_t id, int64_t organizationId, int64_t now);
  // A dead job is set aside for good (done, with `note` as its last word).
  // False unless the job is dead and the organization's.
  bool discardDead(int64_t id, int64_t organizationId, const std::string& note, int64_t now);
  size_t countInState(JobState state);
  // Newest first.
  std::vector<Job> list(std::optional<int64_t> organizationId, std::optional<JobState> state, size_t limit);
  // Pending jobs of (pluginKey, kind) for the integration -> done with a note.
  size_t cancelPending(std::string_view pluginKey, std::string_view kind, int64_t integrationId,
                       const std::string& note, int64_t now);

 private:
  UnitOfWork& uow_;
};

}  // namespace ih::host::storage
