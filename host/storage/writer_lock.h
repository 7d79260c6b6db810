// host/storage/writer_lock.h - the process-wide writer lock of a SQLite file,
// handed to waiting writers in the order they asked.
//
// A flag under a mutex rather than a mutex, because a plugin hook may open
// the write on its plugin-call thread while its caller commits or rolls back
// on another (a mutex must be unlocked by the thread that locked it).
//
// Barging with a bound, the way Go's sync.Mutex settles the same trade-off.
// A writer that finds the lock free takes it even when others wait: it is
// already running, while the waiter woken by the release must first be
// scheduled, and handing the lock to that sleeping waiter every time cost
// about a tenth of the assignee throughput (docs/benchmarks.md "Round 5").
// But a free-for-all can starve one waiter again and again, because the
// thread that has just committed comes back for its next delivery before the
// woken one runs. So once the oldest waiter has waited kHandOverAfter, the
// lock is handed straight to it and newcomers queue behind. Waiters are woken
// oldest first.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>

namespace ih::host::storage {

class WriterLock {
 public:
  // False when the lock did not come within `timeout` (the caller is then
  // no longer queued).
  bool tryLockFor(std::chrono::milliseconds timeout);
  void unlock();
  // Writers queued behind the holder (for tests and diagnostics).
  size_t waiting() const;

 private:
  static constexpr std::chrono::milliseconds kHandOverAfter{5};

  struct Waiter {
    std::chrono::steady_clock::time_point since;
    std::condition_variable wake;
    bool owns = false;  // set by unlock() when it hands the lock over
  };

  mutable std::mutex mutex_;
  bool held_ = false;
  std::deque<Waiter*> queue_;  // oldest first; each lives on its waiter's stack
};

}  // namespace ih::host::storage
