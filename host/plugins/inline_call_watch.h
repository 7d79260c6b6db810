// host/plugins/inline_call_watch.h - the one thread that watches hook calls
// run inline on their caller's thread (plugin_call_executor.h), since such a
// caller cannot watch its own call: it is inside the plugin.
//
// A watched call that is still running after the quick phase (10 ms) is
// reported once as slow (the executor then declares a wait on the caller's
// behalf, so the caller's HTTP loop gets a helper thread), and once more when
// it passes its deadline (the executor abandons it and has the client
// answered 503). The watcher ticks every few milliseconds while calls run,
// and sleeps once it has had nothing to watch for a second, so a call costs
// two uncontended lock/unlock pairs and no thread wake-up. Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <thread>

namespace ih::host::plugins {

struct HookCall;

class InlineCallWatch {
 public:
  using Handler = std::function<void(const std::shared_ptr<HookCall>&)>;

  // The handlers run on the watcher's thread and must not block: the next
  // calls' deadlines wait for them.
  InlineCallWatch(std::chrono::milliseconds quickPhase, Handler onSlow, Handler onDeadline);
  ~InlineCallWatch();
  InlineCallWatch(const InlineCallWatch&) = delete;
  InlineCallWatch& operator=(const InlineCallWatch&) = delete;

 private:
  struct Entry {
    std::shared_ptr<HookCall> call;
    std::chrono::steady_clock::time_point slowAt;
    bool reportedSlow = false;
    bool expired = false;
  };

 public:
  using Ticket = std::list<Entry>::iterator;
  // From the caller's thread, around its inline call (call->deadline set).
  Ticket watch(std::shared_ptr<HookCall> call);
  void unwatch(Ticket ticket);

 private:
  void run();

  std::chrono::milliseconds quickPhase_;
  Handler onSlow_;
  Handler onDeadline_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::list<Entry> entries_;  // in the order the calls started
  bool sleeping_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace ih::host::plugins
