// host/storage/writer_lock.h - the process-wide writer lock of a SQLite file,
// handed to waiting writers in the order they asked.
//
// A flag under a mutex rather than a mutex, because a plugin hook may open
// the write on its plugin-call thread while its caller commits or rolls back
// on another (a mutex must be unlocked by the thread that locked it).
//
// First come, first served: unlock() hands the lock straight to the writer
// that has waited longest. A condition variable's notify_one() does not: the
// woken writer races every newcomer, and a thread that has just committed
// comes back for its next delivery before the woken one is even scheduled,
// so under a steady stream of writers one of them can lose again and again
// until its 10 s timeout. With the hand-off a writer waits at most for the
// writers that were already queued when it came.
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
  // no longer in the queue).
  bool tryLockFor(std::chrono::milliseconds timeout);
  void unlock();
  // Writers queued behind the holder (for tests and diagnostics).
  size_t waiting() const;

 private:
  struct Waiter {
    std::condition_variable granted;
    bool owns = false;  // set by unlock() when it hands the lock over
  };

  mutable std::mutex mutex_;
  bool held_ = false;
  std::deque<Waiter*> queue_;  // oldest first; each lives on its waiter's stack
};

}  // namespace ih::host::storage
