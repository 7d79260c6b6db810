// host/common/thread_pool.cpp - see thread_pool.h.
#include "common/thread_pool.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "common/thread_name.h"

namespace ih::host {

struct ThreadPoolState {
  explicit ThreadPoolState(ThreadPool::Options o) : options(o) {}

  const ThreadPool::Options options;
  std::mutex mutex;
  std::condition_variable work;   // a task was queued, or the pool stops
  std::condition_variable ended;  // a thread left
  std::deque<std::function<void()>> queue;
  size_t threads = 0;
  size_t starting = 0;  // spawned, not yet looking for work
  size_t idle = 0;
  size_t running = 0;
  bool stopping = false;

  // Under `mutex`.
  bool mayGrow() const { return threads < options.threads; }
  // Queued tasks no thread will pick up soon (the ones the bound counts).
  size_t waiting() const {
    const size_t soon = idle + starting;
    return queue.size() > soon ? queue.size() - soon : 0;
  }
  void spawn(const std::shared_ptr<ThreadPoolState>& self);
  static void workerLoop(const std::shared_ptr<ThreadPoolState>& self);
};

void ThreadPoolState::spawn(const std::shared_ptr<ThreadPoolState>& self) {
  ++threads;
  ++starting;
  try {
    // Detached: a thread that never comes back (a stuck plugin call) must not
    // hold up the owner; the shared state lives until the last thread leaves.
    std::thread([self] { workerLoop(self); }).detach();
  } catch (const std::system_error&) {
    --threads;  // out of threads: the queued task waits for a running one
    --starting;
  }
}

void ThreadPoolState::workerLoop(const std::shared_ptr<ThreadPoolState>& self) {
  nameThisThread("ih-pool");
  ThreadPoolState& s = *self;
  std::unique_lock lock(s.mutex);
  --s.starting;
  for (;;) {
    while (s.queue.empty() && !s.stopping) {
      ++s.idle;
      const bool surplus = s.threads > s.options.keepThreads;
      bool woke = true;
      if (surplus) {
        woke = s.work.wait_for(lock, s.options.idleExit, [&s] { return !s.queue.empty() || s.stopping; });
      } else {
        s.work.wait(lock, [&s] { return !s.queue.empty() || s.stopping; });
      }
      --s.idle;
      if (!woke) break;
    }
    if (s.queue.empty()) break;  // stopping, or idle for too long
    std::function<void()> task = std::move(s.queue.front());
    s.queue.pop_front();
    ++s.running;
    lock.unlock();
    try {
      task();
    } catch (...) {
      // Tasks own their errors; nothing may unwind a pool thread.
    }
    task = nullptr;  // its captures die outside the lock too
    lock.lock();
    --s.running;
  }
  --s.threads;
  s.ended.notify_all();
}

ThreadPool::ThreadPool(Options options) : state_(std::make_shared<ThreadPoolState>(options)) {}

ThreadPool::~ThreadPool() { stop(std::chrono::milliseconds(0)); }

bool ThreadPool::trySubmit(std::function<void()> task) {
  std::lock_guard lock(state_->mutex);
  ThreadPoolState& s = *state_;
  // Threads that can take the task at once, then the bounded queue.
  const size_t takers = s.idle + s.starting + (s.mayGrow() ? 1 : 0);
  if (s.stopping || s.queue.size() + 1 > takers + s.options.maxQueued) return false;
  s.queue.push_back(std::move(task));
  if (s.waiting() > 0 && s.mayGrow()) s.spawn(state_);
  s.work.notify_one();
  return true;
}

size_t ThreadPool::running() const {
  std::lock_guard lock(state_->mutex);
  return state_->running;
}

size_t ThreadPool::threadCount() const {
  std::lock_guard lock(state_->mutex);
  return state_->threads;
}

bool ThreadPool::stop(std::chrono::milliseconds grace) {
  std::unique_lock lock(state_->mutex);
  state_->stopping = true;
  state_->work.notify_all();
  return state_->ended.wait_for(lock, grace, [this] { return state_->threads == 0; });
}

}  // namespace ih::host
