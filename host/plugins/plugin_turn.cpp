// host/plugins/plugin_turn.cpp - see plugin_turn.h.
#include "plugins/plugin_turn.h"

namespace ih::host::plugins {

bool PluginTurn::try_lock_until(std::chrono::steady_clock::time_point deadline) {
  std::unique_lock lock(mutex_);
  // The predicate is checked once more at the deadline: a turn freed just
  // then is still taken rather than lost.
  if (!freed_.wait_until(lock, deadline, [this] { return !taken_; })) return false;
  taken_ = true;
  return true;
}

void PluginTurn::unlock() {
  {
    std::lock_guard lock(mutex_);
    taken_ = false;
  }
  freed_.notify_one();
}

}  // namespace ih::host::plugins
