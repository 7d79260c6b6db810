// host/domain/integration_lookup_cache.h - keeps the integrations that
// webhook deliveries look up by (provider, external id), so a delivery does
// not read the database for a record that changes once in months.
//
// Coherence, in one process: every change to an integration or its org links
// goes through IntegrationService, which calls noteChange() in the change's
// unit of work; the cache is emptied when that unit commits (never before,
// or a reader could cache the old row again between the clear and the
// commit). A lookup that read the database while a change committed does
// not store what it read (the epoch moved under it).
//
// Coherence across hosts on one PostgreSQL database: noteChange() also sends
// a notification on kIntegrationsChannel in the same transaction, which
// PostgreSQL delivers to every host at commit; each host's listener empties
// its cache. While a host's listener is not connected (the database is
// unreachable, reconnecting) its cache is bypassed and emptied; entries also
// expire after `ttl` (2 s by default), which bounds a change missed in the
// instant a listener reconnects. SQLite has one host, so no listener.
//
// Tenancy: entries are keyed by the asking organization as well; a lookup
// never answers for a key it was not stored under. Misses (unknown ids)
// are not cached, so a new install is seen at once and forged tokens cannot
// fill the cache. Thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "storage/notification_listener.h"
#include "storage/records.h"

namespace ih::host::storage {
class UnitOfWork;
}

namespace ih::host::domain {

inline constexpr const char* kIntegrationsChannel = "ih_integrations";

class IntegrationLookupCache {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  using Loader = std::function<std::optional<storage::Integration>()>;
  static constexpr std::chrono::milliseconds kDefaultTtl{2000};
  static constexpr size_t kMaxEntries = 4096;

  explicit IntegrationLookupCache(std::chrono::milliseconds ttl = kDefaultTtl, Clock now = nullptr);
  ~IntegrationLookupCache();
  IntegrationLookupCache(const IntegrationLookupCache&) = delete;
  IntegrationLookupCache& operator=(const IntegrationLookupCache&) = delete;

  // Other hosts' changes arrive through `listener` (built by the caller with
  // a callback to invalidateAll()); null where the database has no other
  // hosts (SQLite). The cache owns it.
  void followOtherHosts(std::unique_ptr<storage::NotificationListener> listener);

  // The integration (provider, externalId) as `organizationId` asked for it:
  // from the cache, or `load()`ed and kept.
  std::optional<storage::Integration> findByExternalId(int64_t organizationId, std::string_view provider,
                                                      std::string_view externalId, const Loader& load);

  // Empties the cache (after a committed change, here or on another host).
  void invalidateAll();
  size_t size() const;

  // In the unit of work of a change to integrations or their org links: the
  // cache empties when it commits, other hosts' caches too (a notification,
  // where the database has them). Static so a host without a cache still
  // tells the others.
  static void noteChange(storage::UnitOfWork& uow, IntegrationLookupCache* local);

 private:
  using Key = std::tuple<int64_t, std::string, std::string>;
  struct Entry {
    storage::Integration integration;
    std::chrono::steady_clock::time_point expires;
  };
  bool followsEveryChange() const;

  std::chrono::milliseconds ttl_;
  Clock now_;
  mutable std::mutex mutex_;
  std::map<Key, Entry, std::less<>> entries_;
  uint64_t epoch_ = 0;  // moves with every invalidation
  std::unique_ptr<storage::NotificationListener> listener_;  // last: its thread calls invalidateAll()
};

}  // namespace ih::host::domain
