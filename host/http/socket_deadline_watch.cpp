// host/http/socket_deadline_watch.cpp - see socket_deadline_watch.h.
#include "http/socket_deadline_watch.h"

#include <sys/socket.h>

#include "common/thread_name.h"

namespace ih::host::http {

SocketDeadlineWatch::SocketDeadlineWatch() : thread_([this] { run(); }) {}

SocketDeadlineWatch::~SocketDeadlineWatch() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

SocketDeadlineWatch::Guard SocketDeadlineWatch::watch(int socketDescriptor, Clock::time_point deadline) {
  uint64_t id = 0;
  {
    std::lock_guard lock(mutex_);
    id = nextId_++;
    entries_.emplace(id, Entry{socketDescriptor, deadline, false});
  }
  changed_.notify_all();
  return Guard(*this, id);
}

void SocketDeadlineWatch::forget(uint64_t id) {
  // Under the lock the watch fires, so once this returns it never will.
  std::lock_guard lock(mutex_);
  entries_.erase(id);
}

bool SocketDeadlineWatch::fired(uint64_t id) {
  std::lock_guard lock(mutex_);
  const auto it = entries_.find(id);
  return it != entries_.end() && it->second.fired;
}

void SocketDeadlineWatch::run() {
  nameThisThread("ih-out-deadline");
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    Clock::time_point next = Clock::time_point::max();
    const Clock::time_point now = Clock::now();
    for (auto& [id, entry] : entries_) {
      if (entry.fired) continue;
      if (entry.deadline <= now) {
        ::shutdown(entry.descriptor, SHUT_RDWR);
        entry.fired = true;
      } else if (entry.deadline < next) {
        next = entry.deadline;
      }
    }
    if (next == Clock::time_point::max()) {
      changed_.wait(lock);
    } else {
      changed_.wait_until(lock, next);
    }
  }
}

}  // namespace ih::host::http
