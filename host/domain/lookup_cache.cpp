// host/domain/lookup_cache.cpp - see lookup_cache.h.
#include "domain/lookup_cache.h"

#include "storage/dialect.h"
#include "storage/query.h"
#include "storage/unit_of_work.h"

namespace ih::host::domain {

LookupCache::LookupCache(std::chrono::milliseconds ttl, Clock now)
    : ttl_(ttl), now_(now ? std::move(now) : Clock([] { return std::chrono::steady_clock::now(); })) {}

LookupCache::~LookupCache() {
  std::unique_ptr<storage::NotificationListener> listener;
  {
    std::lock_guard lock(mutex_);
    listener = std::move(listener_);
  }
  listener.reset();  // joins its thread, which may be calling invalidateAll()
}

void LookupCache::followOtherHosts(std::unique_ptr<storage::NotificationListener> listener) {
  std::lock_guard lock(mutex_);
  listener_ = std::move(listener);
}

bool LookupCache::followsEveryChange() const { return listener_ == nullptr || listener_->live(); }

std::optional<LookupCache::Value> LookupCache::lookup(Key key, const std::function<std::optional<Value>()>& load) {
  uint64_t epochBeforeLoad = 0;
  {
    std::lock_guard lock(mutex_);
    if (!followsEveryChange()) {
      // Another host's change may go unnoticed now: trust nothing kept.
      entries_.clear();
      ++epoch_;
      epochBeforeLoad = epoch_;
    } else {
      epochBeforeLoad = epoch_;
      if (auto found = entries_.find(key); found != entries_.end()) {
        if (found->second.expires > now_()) return found->second.value;
        entries_.erase(found);
      }
    }
  }
  std::optional<Value> loaded = load();
  if (!loaded) return loaded;
  std::lock_guard lock(mutex_);
  // A change committed while we read: what we read may predate it.
  if (epoch_ != epochBeforeLoad || !followsEveryChange()) return loaded;
  if (entries_.size() >= kMaxEntries) entries_.clear();
  entries_.insert_or_assign(std::move(key), Entry{*loaded, now_() + ttl_});
  return loaded;
}

void LookupCache::invalidateAll() {
  std::lock_guard lock(mutex_);
  entries_.clear();
  ++epoch_;
}

size_t LookupCache::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

void LookupCache::noteChange(storage::UnitOfWork& uow, LookupCache* local) {
  uow.markCachedRecordsChanged();
  if (local != nullptr) uow.afterCommit([local] { local->invalidateAll(); });
  // Delivered to every listening host when (and only if) the change commits.
  if (const std::string notify = uow.dialect().notifySql(kIntegrationsChannel); !notify.empty()) {
    storage::Query(uow, notify).execute();
  }
}

}  // namespace ih::host::domain
