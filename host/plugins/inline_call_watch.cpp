// host/plugins/inline_call_watch.cpp - see inline_call_watch.h.
#include "plugins/inline_call_watch.h"

#include <algorithm>
#include <vector>

#include "common/thread_name.h"
#include "plugins/plugin_call_executor.h"

namespace ih::host::plugins {

namespace {

// How often the watcher looks while calls run: the slack of the deadline's
// 503 and of the slow report.
constexpr std::chrono::milliseconds kWatchTick{5};
// With nothing to watch for this long, the watcher sleeps until the next
// call wakes it (the only case where watch() wakes a thread).
constexpr std::chrono::milliseconds kWatchIdleBeforeSleep{1000};

}  // namespace

InlineCallWatch::InlineCallWatch(std::chrono::milliseconds quickPhase, Handler onSlow, Handler onDeadline)
    : quickPhase_(quickPhase), onSlow_(std::move(onSlow)), onDeadline_(std::move(onDeadline)) {
  thread_ = std::thread([this] { run(); });
}

InlineCallWatch::~InlineCallWatch() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

InlineCallWatch::Ticket InlineCallWatch::watch(std::shared_ptr<HookCall> call) {
  // A deadline shorter than the quick phase is still seen at its deadline.
  const auto slowAt = std::min(call->deadline, std::chrono::steady_clock::now() + quickPhase_);
  bool wakeWatcher = false;
  Ticket ticket;
  {
    std::lock_guard lock(mutex_);
    ticket = entries_.insert(entries_.end(), Entry{std::move(call), slowAt});
    wakeWatcher = sleeping_;
    sleeping_ = false;
  }
  if (wakeWatcher) wake_.notify_one();
  return ticket;
}

void InlineCallWatch::unwatch(Ticket ticket) {
  std::lock_guard lock(mutex_);
  entries_.erase(ticket);
}

void InlineCallWatch::run() {
  nameThisThread("ih-call-watch");
  auto lastBusy = std::chrono::steady_clock::now();
  std::vector<std::shared_ptr<HookCall>> slow;
  std::vector<std::shared_ptr<HookCall>> expired;
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    const auto now = std::chrono::steady_clock::now();
    if (!entries_.empty()) lastBusy = now;
    if (entries_.empty() && now - lastBusy > kWatchIdleBeforeSleep) {
      sleeping_ = true;
      wake_.wait(lock, [this] { return stopping_ || !sleeping_; });
      lastBusy = std::chrono::steady_clock::now();
      continue;
    }
    for (Entry& entry : entries_) {
      if (entry.slowAt > now) break;  // started later than every entry after it
      if (!entry.reportedSlow) {
        entry.reportedSlow = true;
        slow.push_back(entry.call);
      }
      if (!entry.expired && entry.call->deadline <= now) {
        entry.expired = true;
        expired.push_back(entry.call);
      }
    }
    if (!slow.empty() || !expired.empty()) {
      lock.unlock();  // the handlers take the call's own lock; never both
      for (const auto& call : slow) onSlow_(call);
      for (const auto& call : expired) onDeadline_(call);
      slow.clear();
      expired.clear();
      lock.lock();
      continue;
    }
    wake_.wait_for(lock, kWatchTick, [this] { return stopping_; });
  }
}

}  // namespace ih::host::plugins
