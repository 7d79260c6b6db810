// host/storage/writer_lock.cpp - see writer_lock.h.
#include "storage/writer_lock.h"

#include <algorithm>

namespace ih::host::storage {

bool WriterLock::tryLockFor(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  if (!held_) {
    held_ = true;
    return true;
  }
  Waiter self;
  self.since = std::chrono::steady_clock::now();
  const auto deadline = self.since + timeout;
  queue_.push_back(&self);
  for (;;) {
    if (self.owns) return true;  // handed over: already dequeued
    if (!held_) {                // released: ours unless a running writer was quicker
      held_ = true;
      queue_.erase(std::find(queue_.begin(), queue_.end(), &self));
      return true;
    }
    if (self.wake.wait_until(lock, deadline) == std::cv_status::timeout && !self.owns && held_) {
      queue_.erase(std::find(queue_.begin(), queue_.end(), &self));
      return false;
    }
  }
}

void WriterLock::unlock() {
  std::lock_guard lock(mutex_);
  if (queue_.empty()) {
    held_ = false;
    return;
  }
  Waiter* oldest = queue_.front();
  // Notified under the mutex: once the waiter can see the change it may
  // return, and its Waiter, on its stack, be gone.
  if (std::chrono::steady_clock::now() - oldest->since >= kHandOverAfter) {
    queue_.pop_front();
    oldest->owns = true;  // never free in between: no newcomer gets ahead
  } else {
    held_ = false;
  }
  oldest->wake.notify_one();
}

size_t WriterLock::waiting() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

}  // namespace ih::host::storage
