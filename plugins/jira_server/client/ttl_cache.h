// client/ttl_cache.h - a small mutex-protected cache whose entries expire
// after a fixed time. Hooks run concurrently (the plugin is declared
// thread-safe), so every shared cache of the plugin is one of these. Time comes
// from the caller (the host clock), which keeps tests deterministic.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <utility>

namespace ih::jira {

template <class Key, class Value>
class TtlCache {
 public:
  TtlCache(int64_t ttlMs, size_t maxEntries) : ttlMs_(ttlMs), maxEntries_(maxEntries) {}

  std::optional<Value> get(const Key& key, int64_t nowMs) const {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = entries_.find(key);
    if (it == entries_.end() || it->second.expiresAtMs <= nowMs) return std::nullopt;
    return it->second.value;
  }

  void put(const Key& key, Value value, int64_t nowMs) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (entries_.size() >= maxEntries_ && entries_.find(key) == entries_.end()) evict(nowMs);
    entries_[key] = Entry{std::move(value), nowMs + ttlMs_};
  }

  void erase(const Key& key) {
    std::lock_guard<std::mutex> lock(mutex_);
    entries_.erase(key);
  }

  size_t size() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return entries_.size();
  }

 private:
  struct Entry {
    Value value;
    int64_t expiresAtMs = 0;
  };

  // Drops expired entries; if the cache is still full, drops the entry closest
  // to expiry so memory stays bounded whatever keys callers use.
  void evict(int64_t nowMs) {
    for (auto it = entries_.begin(); it != entries_.end();) {
      it = it->second.expiresAtMs <= nowMs ? entries_.erase(it) : std::next(it);
    }
    if (entries_.size() < maxEntries_ || entries_.empty()) return;
    auto oldest = entries_.begin();
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (it->second.expiresAtMs < oldest->second.expiresAtMs) oldest = it;
    }
    entries_.erase(oldest);
  }

  const int64_t ttlMs_;
  const size_t maxEntries_;
  mutable std::mutex mutex_;
  std::map<Key, Entry> entries_;
};

}  // namespace ih::jira
