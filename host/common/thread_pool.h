// host/common/thread_pool.h - a bounded pool of threads, for work that may
// outlive its caller's patience: the plugin-call executor, and the threads
// that run the HTTP front's I/O loop.
//
// Threads start on demand, up to `threads`, and the queue of tasks waiting
// for one (beyond those an idle or starting thread is about to take) is
// bounded: trySubmit() answers false when it is full, so callers refuse
// clearly instead of piling work up. Threads beyond `keepThreads` leave after
// `idleExit` without work.
//
// stop() refuses new tasks, lets the queued and running ones finish and waits
// up to a grace period for every thread to end; a thread still running a task
// after it (a plugin call that never returns) is left to finish on its own:
// threads are detached, and their state stays alive until the last one ends.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>

namespace ih::host {

struct ThreadPoolState;

class ThreadPool {
 public:
  struct Options {
    size_t threads = 4;
    size_t maxQueued = 1024;
    size_t keepThreads = 0;
    std::chrono::milliseconds idleExit{2000};
  };

  explicit ThreadPool(Options options);
  ~ThreadPool();  // stop(0)
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  // Queues `task`; false when the queue is full or the pool is stopping.
  // A task must not throw (what escapes is swallowed).
  bool trySubmit(std::function<void()> task);

  // Tasks started and not finished (stuck ones included).
  size_t running() const;
  size_t threadCount() const;

  // Returns true when every thread ended within `grace`.
  bool stop(std::chrono::milliseconds grace);

 private:
  std::shared_ptr<ThreadPoolState> state_;
};

}  // namespace ih::host
