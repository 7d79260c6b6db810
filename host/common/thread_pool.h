// host/common/thread_pool.h - a bounded pool of threads for work that must
// not wait on a socket: the HTTP front's request workers and the plugin-call
// executor.
//
// Threads start on demand, up to `threads`, and the queue of tasks waiting
// for one (beyond those an idle or starting thread is about to take) is
// bounded: trySubmit() answers false when it is full, so callers refuse
// clearly instead of piling work up. Threads beyond `keepThreads`
// leave after `idleExit` without work.
//
// A task that blocks on something slower than itself (a plugin call with a
// deadline) declares it with a BlockingSection: while it waits, the pool may
// start up to `extraWhileBlocked` more threads, so the other tasks queued
// behind it (a health check) still run. Those extra threads leave once idle.
//
// stop() refuses new tasks, lets the queued and running ones finish and joins
// every thread that ends within the grace period; a thread still running a
// task after it (a plugin call that never returns) is detached and left to
// finish on its own: its state stays alive until it does.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

namespace ih::host {

struct ThreadPoolState;

class ThreadPool {
 public:
  struct Options {
    size_t threads = 4;
    size_t extraWhileBlocked = 0;
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

  // Answers how many tasks started and have not finished (stuck ones included).
  size_t running() const;
  size_t threadCount() const;

  // Returns true when every thread ended within `grace`.
  bool stop(std::chrono::milliseconds grace);

  // Declares, on a pool thread, that the current task waits on something
  // else for a while. No effect on other threads.
  class BlockingSection {
   public:
    BlockingSection();
    ~BlockingSection();
    BlockingSection(const BlockingSection&) = delete;
    BlockingSection& operator=(const BlockingSection&) = delete;

   private:
    ThreadPoolState* state_;
  };

 private:
  std::shared_ptr<ThreadPoolState> state_;
};

}  // namespace ih::host
