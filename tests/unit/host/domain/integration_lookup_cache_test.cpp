// IntegrationLookupCache: hits, per-organization keys, invalidation on
// commit only, a lookup racing a change does not store stale data, TTL,
// misses not kept, a disconnected listener bypasses the cache; and through
// IntegrationService on both backends, with a second "host" (its own
// Database and listener) on PostgreSQL seeing a change at once.
#include "domain/integration_lookup_cache.h"

#include <gtest/gtest.h>

#include <atomic>

#include "support/domain_fixture.h"
#include "support/eventually.h"

namespace ih::host::domain {
namespace {

using namespace std::chrono_literals;
using storage::Integration;
using storage::IntegrationStatus;

Integration record(int64_t id, const std::string& name) {
  Integration i;
  i.id = id;
  i.provider = "jira_server";
  i.externalId = "ext";
  i.name = name;
  return i;
}

// A loader that counts its calls and answers `answer`.
struct CountingLoader {
  std::optional<Integration> answer;
  int calls = 0;
  IntegrationLookupCache::Loader fn() {
    return [this] {
      ++calls;
      return answer;
    };
  }
};

class FakeListener final : public storage::NotificationListener {
 public:
  explicit FakeListener(std::atomic<bool>& live) : live_(live) {}
  bool live() const override { return live_; }

 private:
  std::atomic<bool>& live_;
};

TEST(IntegrationLookupCacheTest, ASecondLookupIsServedWithoutTheDatabase) {
  IntegrationLookupCache cache;
  CountingLoader loader{record(7, "a")};
  EXPECT_EQ(cache.findByExternalId(1, "jira_server", "ext", loader.fn())->id, 7);
  EXPECT_EQ(cache.findByExternalId(1, "jira_server", "ext", loader.fn())->name, "a");
  EXPECT_EQ(loader.calls, 1);
  EXPECT_EQ(cache.size(), 1u);
}

TEST(IntegrationLookupCacheTest, KeysIncludeTheOrganizationAndTheProvider) {
  IntegrationLookupCache cache;
  CountingLoader acme{record(7, "acme's")};
  CountingLoader beta{record(8, "beta's")};
  CountingLoader other{record(9, "github's")};
  cache.findByExternalId(1, "jira_server", "ext", acme.fn());
  EXPECT_EQ(cache.findByExternalId(2, "jira_server", "ext", beta.fn())->name, "beta's");
  EXPECT_EQ(cache.findByExternalId(1, "github", "ext", other.fn())->name, "github's");
  EXPECT_EQ(cache.findByExternalId(1, "jira_server", "ext", acme.fn())->name, "acme's");
  EXPECT_EQ(beta.calls, 1) << "organization 2 never got organization 1's entry";
  EXPECT_EQ(other.calls, 1);
  EXPECT_EQ(acme.calls, 1);
}

TEST(IntegrationLookupCacheTest, InvalidationMakesTheNextLookupReadAgain) {
  IntegrationLookupCache cache;
  CountingLoader loader{record(7, "before")};
  cache.findByExternalId(1, "jira_server", "ext", loader.fn());
  loader.answer = record(7, "after");
  cache.invalidateAll();
  EXPECT_EQ(cache.findByExternalId(1, "jira_server", "ext", loader.fn())->name, "after");
  EXPECT_EQ(loader.calls, 2);
}

TEST(IntegrationLookupCacheTest, ALookupThatRacedAChangeDoesNotKeepWhatItRead) {
  IntegrationLookupCache cache;
  // The change commits (and invalidates) while the lookup reads the old row.
  int calls = 0;
  auto racing = [&]() -> std::optional<Integration> {
    ++calls;
    if (calls == 1) cache.invalidateAll();
    return record(7, calls == 1 ? "old" : "new");
  };
  EXPECT_EQ(cache.findByExternalId(1, "jira_server", "ext", racing)->name, "old");
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_EQ(cache.findByExternalId(1, "jira_server", "ext", racing)->name, "new");
}

TEST(IntegrationLookupCacheTest, EntriesExpireAfterTheTtl) {
  auto now = std::chrono::steady_clock::time_point{} + 1h;
  IntegrationLookupCache cache(2000ms, [&] { return now; });
  CountingLoader loader{record(7, "a")};
  cache.findByExternalId(1, "jira_server", "ext", loader.fn());
  now += 1999ms;
  cache.findByExternalId(1, "jira_server", "ext", loader.fn());
  EXPECT_EQ(loader.calls, 1);
  now += 2ms;
  cache.findByExternalId(1, "jira_server", "ext", loader.fn());
  EXPECT_EQ(loader.calls, 2);
}

TEST(IntegrationLookupCacheTest, UnknownIdsAreNotKept) {
  IntegrationLookupCache cache;
  CountingLoader loader{std::nullopt};
  EXPECT_FALSE(cache.findByExternalId(1, "jira_server", "forged", loader.fn()));
  loader.answer = record(7, "installed since");
  EXPECT_EQ(cache.findByExternalId(1, "jira_server", "forged", loader.fn())->id, 7) << "a new install is seen at once";
  EXPECT_EQ(loader.calls, 2);
}

TEST(IntegrationLookupCacheTest, WhileTheListenerIsDownEveryLookupReadsAndNothingIsKept) {
  std::atomic<bool> live{true};
  IntegrationLookupCache cache;
  cache.followOtherHosts(std::make_unique<FakeListener>(live));
  CountingLoader loader{record(7, "a")};
  cache.findByExternalId(1, "jira_server", "ext", loader.fn());
  live = false;  // another host's change would go unnoticed now
  cache.findByExternalId(1, "jira_server", "ext", loader.fn());
  cache.findByExternalId(1, "jira_server", "ext", loader.fn());
  EXPECT_EQ(loader.calls, 3);
  EXPECT_EQ(cache.size(), 0u);
  live = true;
  cache.findByExternalId(1, "jira_server", "ext", loader.fn());
  cache.findByExternalId(1, "jira_server", "ext", loader.fn());
  EXPECT_EQ(loader.calls, 4);
}

// Through the service, on both backends.
class CachedIntegrationServiceTest : public ih::test::DomainTest {
 protected:
  void SetUp() override {
    DomainTest::SetUp();
    if (IsSkipped()) return;
    cached_ = std::make_unique<IntegrationService>(clock_, secrets_, *jobs_, &cache_);
    acme_ = makeOrg("acme");
  }
  void TearDown() override {
    cached_.reset();
    DomainTest::TearDown();
  }
  InstallSpec spec() {
    InstallSpec s;
    s.provider = "jira_server";
    s.externalId = "jira.example.test:consumer";
    s.name = "jira.example.test";
    s.metadataJson = R"({"webhook_secret":"whs"})";
    return s;
  }
  std::optional<Integration> lookUp(IntegrationService& service, storage::Database* database = nullptr) {
    auto uow = (database != nullptr ? *database : db()).begin();
    return service.findByExternalId(*uow, "jira_server", "jira.example.test:consumer");
  }

  IntegrationLookupCache cache_;
  std::unique_ptr<IntegrationService> cached_;
  storage::Organization acme_;
};

TEST_P(CachedIntegrationServiceTest, ACommittedChangeIsSeenAtOnceAndARolledBackOneLeavesTheCache) {
  const auto view = inTransaction([&](auto& uow) { return cached_->install(uow, acme_.id, std::nullopt, spec()); });
  ASSERT_EQ(lookUp(*cached_)->status, IntegrationStatus::Active);
  ASSERT_EQ(cache_.size(), 1u);
  {
    auto uow = db().begin();
    cached_->mergeMetadata(*uow, view.integration.id, R"({"webhook_secret":"rotated"})");
    uow->rollback();
  }
  EXPECT_EQ(cache_.size(), 1u) << "nothing committed, nothing to forget";
  inTransaction([&](auto& uow) { cached_->mergeMetadata(uow, view.integration.id, R"({"webhook_secret":"rotated"})"); });
  EXPECT_NE(lookUp(*cached_)->metadataJson.find("rotated"), std::string::npos);
  inTransaction([&](auto& uow) { cached_->unlink(uow, acme_.id, view.integration.id); });
  EXPECT_EQ(lookUp(*cached_)->status, IntegrationStatus::PendingDeletion);
  inTransaction([&](auto& uow) { cached_->remove(uow, view.integration.id); });
  EXPECT_FALSE(lookUp(*cached_));
}

IH_INSTANTIATE_BACKENDS(CachedIntegrationServiceTest);

// Two hosts on one PostgreSQL (SQLite has one host): each its own Database,
// cache and listener.
class CachedIntegrationServiceAcrossHostsTest : public CachedIntegrationServiceTest {};

TEST_P(CachedIntegrationServiceAcrossHostsTest, AChangeCommittedByAnotherHostEmptiesThisHostsCache) {
  auto otherDatabase = openAgain();
  IntegrationLookupCache otherCache;
  otherCache.followOtherHosts(otherDatabase->listen(kIntegrationsChannel, [&] { otherCache.invalidateAll(); }));
  IntegrationService otherHost(clock_, secrets_, *jobs_, &otherCache);
  const auto view = inTransaction([&](auto& uow) { return cached_->install(uow, acme_.id, std::nullopt, spec()); });
  // The other host's listener must be connected before its cache is trusted.
  ASSERT_TRUE(ih::testing::eventually([&] {
    lookUp(otherHost, otherDatabase.get());
    return otherCache.size() == 1;
  }));
  inTransaction([&](auto& uow) { cached_->unlink(uow, acme_.id, view.integration.id); });
  // Milliseconds in practice; the bound is generous for a loaded machine.
  EXPECT_TRUE(ih::testing::eventually([&] { return otherCache.size() == 0; }, 5s))
      << "the notification arrived with the commit";
  EXPECT_EQ(lookUp(otherHost, otherDatabase.get())->status, IntegrationStatus::PendingDeletion);
}

INSTANTIATE_TEST_SUITE_P(Postgres, CachedIntegrationServiceAcrossHostsTest,
                         ::testing::Values(::ih::test::Backend::Postgres), ::ih::test::backendName);

}  // namespace
}  // namespace ih::host::domain
