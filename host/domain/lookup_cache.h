// host/domain/lookup_cache.h - keeps what every webhook delivery looks up
// again and again - the integration by (provider, external id) and by id, the
// plugin's enablement per organization, the integration's org links, and the
// members an inbound assignment may pick for a Jira user's email - so a
// delivery does not read the database for records that change once in months.
//
// Coherence, in one process: every change to those records goes through
// IntegrationService or DirectoryService, which call noteChange() in the
// change's unit of work; the cache is emptied when that unit commits (never
// before, or a reader could cache the old row again between the clear and the
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
// Tenancy: entries are keyed by the asking organization (enablement,
// external id, eligible members) or the asking plugin's provider (by id) as
// well; a lookup never answers for a key it was not stored under. Misses
// (unknown ids, a plugin not enabled, an integration without links, an email
// no member has) are not cached, so a new install, enablement or member is
// seen at once and forged ids or emails cannot fill the cache. Thread-safe.
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
#include <compare>
#include <variant>
#include <vector>

#include "domain/org_link_info.h"
#include "storage/notification_listener.h"
#include "storage/records.h"

namespace ih::host::storage {
class UnitOfWork;
}

namespace ih::host::domain {

inline constexpr const char* kIntegrationsChannel = "ih_integrations";

class LookupCache {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  using Loader = std::function<std::optional<storage::Integration>()>;
  static constexpr std::chrono::milliseconds kDefaultTtl{2000};
  static constexpr size_t kMaxEntries = 4096;

  explicit LookupCache(std::chrono::milliseconds ttl = kDefaultTtl, Clock now = nullptr);
  ~LookupCache();
  LookupCache(const LookupCache&) = delete;
  LookupCache& operator=(const LookupCache&) = delete;

  // Other hosts' changes arrive through `listener` (built by the caller with
  // a callback to invalidateAll()); null where the database has no other
  // hosts (SQLite). The cache owns it.
  void followOtherHosts(std::unique_ptr<storage::NotificationListener> listener);

  // What an entry answers; part of its key, so lookups of different kinds
  // never meet. Each kind names the key fields it uses (the others stay 0/"").
  enum class Kind {
    IntegrationByExternalId,  // organizationId (the asking one, 0: public), name = provider, subName = external id
    IntegrationById,          // integrationId (callers check the provider on every answer)
    PluginEnabled,            // organizationId, name = plugin key; only "enabled" is kept
    OrgLink,                  // organizationId, integrationId
    LinksOfOrganization,      // organizationId
    LinksOfIntegration,       // integrationId; each link with its org's enablement
    EligibleUsers,            // organizationId, name = lower-case email, projectId (0: any project)
  };
  struct Key {
    Kind kind;
    int64_t organizationId = 0;
    int64_t integrationId = 0;
    std::string name;
    std::string subName;
    int64_t projectId = 0;
    auto operator<=>(const Key&) const = default;
  };
  using Value = std::variant<storage::Integration, bool, storage::OrgIntegration, std::vector<storage::OrgIntegration>,
                             std::vector<OrgLinkInfo>, std::vector<storage::User>>;

  // The value kept for `key`, or `load()`ed and kept (nullopt: a miss, not kept).
  template <class T>
  std::optional<T> find(Key key, const std::function<std::optional<T>()>& load) {
    auto value = lookup(std::move(key), [&]() -> std::optional<Value> {
      if (auto loaded = load()) return Value{std::move(*loaded)};
      return std::nullopt;
    });
    if (!value) return std::nullopt;
    return std::get<T>(std::move(*value));
  }

  // The integration (provider, externalId) as `organizationId` asked for it.
  std::optional<storage::Integration> findByExternalId(int64_t organizationId, std::string_view provider,
                                                       std::string_view externalId, const Loader& load) {
    return find<storage::Integration>(
        Key{Kind::IntegrationByExternalId, organizationId, 0, std::string(provider), std::string(externalId)}, load);
  }

  // Empties the cache (after a committed change, here or on another host).
  void invalidateAll();
  size_t size() const;

  // In the unit of work of a change to a record kept here: the
  // cache empties when it commits, other hosts' caches too (a notification,
  // where the database has them). Static so a host without a cache still
  // tells the others.
  static void noteChange(storage::UnitOfWork& uow, LookupCache* local);

 private:
  struct Entry {
    Value value;
    std::chrono::steady_clock::time_point expires;
  };
  bool followsEveryChange() const;
  std::optional<Value> lookup(Key key, const std::function<std::optional<Value>()>& load);

  std::chrono::milliseconds ttl_;
  Clock now_;
  mutable std::mutex mutex_;
  std::map<Key, Entry, std::less<>> entries_;
  uint64_t epoch_ = 0;                                       // moves with every invalidation
  std::unique_ptr<storage::NotificationListener> listener_;  // last: its thread calls invalidateAll()
};

}  // namespace ih::host::domain
