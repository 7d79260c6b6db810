#include "oauth/nonce_registry.h"

namespace ih::mock {

bool NonceRegistry::seen(const std::string& consumer, const std::string& nonce, std::int64_t timestamp) const {
  std::lock_guard lock(mutex_);
  return entries_.count(Entry{timestamp, consumer, nonce}) > 0;
}

void NonceRegistry::remember(const std::string& consumer, const std::string& nonce, std::int64_t timestamp,
                             std::int64_t nowSeconds) {
  std::lock_guard lock(mutex_);
  entries_.insert(Entry{timestamp, consumer, nonce});
  while (!entries_.empty() && std::get<0>(*entries_.begin()) < nowSeconds - 2 * kWindowSeconds) {
    entries_.erase(entries_.begin());
  }
}

}  // namespace ih::mock
