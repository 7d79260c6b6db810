// A gate test code waits on until the test opens it: handlers and tasks that
// must stay "in flight" exactly as long as a test needs them to.
#pragma once

#include <condition_variable>
#include <mutex>

namespace ih::testing {

class Gate {
 public:
  void open() {
    std::lock_guard lock(mutex_);
    open_ = true;
    changed_.notify_all();
  }
  void wait() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return open_; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool open_ = false;
};

}  // namespace ih::testing
