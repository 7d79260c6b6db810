// host/plugins/plugin_turn.h - the turn of one call at a time into a plugin
// that did not declare IHP_PLUGIN_THREAD_SAFE (plugin_call_executor.h): a
// call waits for its turn up to its deadline, then gives up (the caller
// answers 503).
//
// A timed lock built from std::mutex and std::condition_variable rather than
// std::timed_mutex: libstdc++ 12 takes a timed_mutex until a steady-clock
// deadline with pthread_mutex_clocklock, which GCC 12's ThreadSanitizer does
// not intercept, so TSan would miss the order the turn gives between two
// calls of the plugin (and report its unlock as unmatched). A condition
// variable's steady-clock wait (pthread_cond_clockwait) it does see.
// Meets TimedLockable's try_lock_until/unlock, for std::unique_lock.
// Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace ih::host::plugins {

class PluginTurn {
 public:
  // Waits until the turn is free or `deadline` passes; true = the caller
  // holds the turn and must unlock() it.
  bool try_lock_until(std::chrono::steady_clock::time_point deadline);
  // Gives the turn back; one waiting call takes it.
  void unlock();

 private:
  std::mutex mutex_;
  std::condition_variable freed_;
  bool taken_ = false;  // guarded by mutex_
};

}  // namespace ih::host::plugins
