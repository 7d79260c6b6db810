// host/storage/writer_lock.cpp - see writer_lock.h.
#include "storage/writer_lock.h"

#include <algorithm>

namespace ih::host::storage {

bool WriterLock::tryLockFor(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  if (!held_ && queue_.empty()) {
    held_ = true;
    return true;
  }
  Waiter self;
  queue_.push_back(&self);
  if (self.granted.wait_for(lock, timeout, [&self] { return self.owns; })) return true;
  // Not handed over, so still queued: leave the queue.
  queue_.erase(std::find(queue_.begin(), queue_.end(), &self));
  return false;
}

void WriterLock::unlock() {
  std::lock_guard lock(mutex_);
  if (queue_.empty()) {
    held_ = false;
    return;
  }
  // The lock passes to the oldest waiter without ever being free. Notified
  // under the mutex: once `owns` is visible the waiter may return and its
  // Waiter, on its stack, be gone.
  Waiter* next = queue_.front();
  queue_.pop_front();
  next->owns = true;
  next->granted.notify_one();
}

size_t WriterLock::waiting() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

}  // namespace ih::host::storage
