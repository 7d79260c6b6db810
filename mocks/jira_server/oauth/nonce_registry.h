// Remembers (consumer, nonce, timestamp) triples of accepted OAuth requests so a replayed
// request is refused with nonce_used. Entries older than the timestamp window are pruned:
// such a request would be refused as timestamp_refused anyway.
#pragma once

#include <cstdint>
#include <mutex>
#include <set>
#include <string>
#include <tuple>

namespace ih::mock {

class NonceRegistry {
 public:
  static constexpr std::int64_t kWindowSeconds = 300;

  bool seen(const std::string& consumer, const std::string& nonce, std::int64_t timestamp) const;
  void remember(const std::string& consumer, const std::string& nonce, std::int64_t timestamp,
                std::int64_t nowSeconds);

 private:
  using Entry = std::tuple<std::int64_t, std::string, std::string>;  // timestamp first: pruning walks the front
  mutable std::mutex mutex_;
  std::set<Entry> entries_;
};

}  // namespace ih::mock
