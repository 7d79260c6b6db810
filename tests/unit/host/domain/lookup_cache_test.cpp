// LookupCache: hits, per-organization keys, kinds never meet,
// invalidation on commit only, a lookup racing a change does not store stale
// data, TTL, misses not kept, a disconnected listener bypasses the cache; and
// through IntegrationService on both backends (integration by external id
// and by id, plugin enablement, org links): each is served from the cache
// and each change kind is seen at once, one organization never gets
// another's answer, a transaction reads its own changes; with a second
// "host" (its own Database and listener) on PostgreSQL seeing a change at once.
#include "domain/lookup_cache.h"

#include <gtest/gtest.h>

#include <atomic>

#include "common/errors.h"
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
  LookupCache::Loader fn() {
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

TEST(LookupCacheTest, ASecondLookupIsServedWithoutTheDatabase) {
  LookupCache cache;
  CountingLoader loader{record(7, "a")};
  EXPECT_EQ(cache.findByExternalId(1, "jira_server", "ext", loader.fn())->id, 7);
  EXPECT_EQ(cache.findByExternalId(1, "jira_server", "ext", loader.fn())->name, "a");
  EXPECT_EQ(loader.calls, 1);
  EXPECT_EQ(cache.size(), 1u);
}

TEST(LookupCacheTest, KeysIncludeTheOrganizationAndTheProvider) {
  LookupCache cache;
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

TEST(LookupCacheTest, LookupsOfDifferentKindsWithTheSameIdsNeverMeet) {
  using Key = LookupCache::Key;
  using Kind = LookupCache::Kind;
  LookupCache cache;
  int integrationLoads = 0;
  int linkLoads = 0;
  auto integration = [&]() -> std::optional<Integration> {
    ++integrationLoads;
    return record(7, "a");
  };
  auto link = [&]() -> std::optional<storage::OrgIntegration> {
    ++linkLoads;
    storage::OrgIntegration l;
    l.organizationId = 1;
    l.integrationId = 7;
    return l;
  };
  cache.find<Integration>(Key{Kind::IntegrationById, 1, 7, "", ""}, integration);
  EXPECT_EQ(cache.find<storage::OrgIntegration>(Key{Kind::OrgLink, 1, 7, "", ""}, link)->integrationId, 7);
  cache.find<Integration>(Key{Kind::IntegrationById, 1, 7, "", ""}, integration);
  EXPECT_EQ(integrationLoads, 1);
  EXPECT_EQ(linkLoads, 1);
  EXPECT_EQ(cache.size(), 2u);
}

TEST(LookupCacheTest, InvalidationMakesTheNextLookupReadAgain) {
  LookupCache cache;
  CountingLoader loader{record(7, "before")};
  cache.findByExternalId(1, "jira_server", "ext", loader.fn());
  loader.answer = record(7, "after");
  cache.invalidateAll();
  EXPECT_EQ(cache.findByExternalId(1, "jira_server", "ext", loader.fn())->name, "after");
  EXPECT_EQ(loader.calls, 2);
}

TEST(LookupCacheTest, ALookupThatRacedAChangeDoesNotKeepWhatItRead) {
  LookupCache cache;
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

TEST(LookupCacheTest, EntriesExpireAfterTheTtl) {
  auto now = std::chrono::steady_clock::time_point{} + 1h;
  LookupCache cache(2000ms, [&] { return now; });
  CountingLoader loader{record(7, "a")};
  cache.findByExternalId(1, "jira_server", "ext", loader.fn());
  now += 1999ms;
  cache.findByExternalId(1, "jira_server", "ext", loader.fn());
  EXPECT_EQ(loader.calls, 1);
  now += 2ms;
  cache.findByExternalId(1, "jira_server", "ext", loader.fn());
  EXPECT_EQ(loader.calls, 2);
}

TEST(LookupCacheTest, UnknownIdsAreNotKept) {
  LookupCache cache;
  CountingLoader loader{std::nullopt};
  EXPECT_FALSE(cache.findByExternalId(1, "jira_server", "forged", loader.fn()));
  loader.answer = record(7, "installed since");
  EXPECT_EQ(cache.findByExternalId(1, "jira_server", "forged", loader.fn())->id, 7) << "a new install is seen at once";
  EXPECT_EQ(loader.calls, 2);
}

TEST(LookupCacheTest, WhileTheListenerIsDownEveryLookupReadsAndNothingIsKept) {
  std::atomic<bool> live{true};
  LookupCache cache;
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

  LookupCache cache_;
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
  inTransaction(
      [&](auto& uow) { cached_->mergeMetadata(uow, view.integration.id, R"({"webhook_secret":"rotated"})"); });
  EXPECT_NE(lookUp(*cached_)->metadataJson.find("rotated"), std::string::npos);
  inTransaction([&](auto& uow) { cached_->unlink(uow, acme_.id, view.integration.id); });
  EXPECT_EQ(lookUp(*cached_)->status, IntegrationStatus::PendingDeletion);
  inTransaction([&](auto& uow) { cached_->remove(uow, view.integration.id); });
  EXPECT_FALSE(lookUp(*cached_));
}

// The fixture's integrations_ has no cache and this process listens to no
// notification: a change through it reaches the database but not cache_, so
// an unchanged answer below proves the read was served from the cache.

TEST_P(CachedIntegrationServiceTest, EnablementIsServedFromTheCacheAndASwitchOffIsSeenAtOnce) {
  setPluginEnabled(acme_.id, true);
  auto enabled = [&] {
    auto uow = db().begin();
    return cached_->pluginEnabled(*uow, acme_.id, "jira_server");
  };
  ASSERT_TRUE(enabled());
  setPluginEnabled(acme_.id, false);  // behind the cache's back
  EXPECT_TRUE(enabled()) << "served from the cache";
  inTransaction([&](auto& uow) { cached_->setPluginEnabled(uow, acme_.id, "jira_server", false); });
  EXPECT_FALSE(enabled()) << "the switch-off empties the cache at commit";
  setPluginEnabled(acme_.id, true);
  EXPECT_TRUE(enabled()) << "\"disabled\" is never kept: enabling is seen at once";
}

TEST_P(CachedIntegrationServiceTest, OrgLinksAreServedFromTheCacheAndAConfigChangeIsSeenAtOnce) {
  const auto view = installIntegration(acme_.id, "jira.example.test:consumer");
  auto configOfLinks = [&] {
    auto uow = db().begin();
    auto links = cached_->orgLinks(*uow, view.integration.id);
    return links.empty() ? std::string("none") : links.front().configJson;
  };
  auto configOfLink = [&] {
    auto uow = db().begin();
    return cached_->getForOrganization(*uow, acme_.id, view.integration.id).link.configJson;
  };
  ASSERT_EQ(configOfLinks(), "{}");
  ASSERT_EQ(configOfLink(), "{}");
  inTransaction([&](auto& uow) { integrations_->replaceConfig(uow, acme_.id, view.integration.id, R"({"a":1})"); });
  EXPECT_EQ(configOfLinks(), "{}") << "served from the cache";
  EXPECT_EQ(configOfLink(), "{}") << "served from the cache";
  inTransaction([&](auto& uow) { cached_->mergeConfig(uow, acme_.id, view.integration.id, R"({"b":2})"); });
  EXPECT_NE(configOfLinks().find("\"b\""), std::string::npos);
  EXPECT_NE(configOfLink().find("\"b\""), std::string::npos);
}

TEST_P(CachedIntegrationServiceTest, AnUnlinkIsSeenAtOnceByEveryLinkLookup) {
  const auto view = installIntegration(acme_.id, "jira.example.test:consumer");
  auto uow = db().begin();
  ASSERT_EQ(cached_->orgLinks(*uow, view.integration.id).size(), 1u);
  ASSERT_TRUE(cached_->orgLink(*uow, acme_.id, view.integration.id));
  ASSERT_EQ(cached_->listForOrganization(*uow, acme_.id).size(), 1u);
  ASSERT_TRUE(cached_->credentials(*uow, view.integration.id, acme_.id));
  uow.reset();
  inTransaction([&](auto& uow) { cached_->unlink(uow, acme_.id, view.integration.id); });
  uow = db().begin();
  EXPECT_TRUE(cached_->orgLinks(*uow, view.integration.id).empty());
  EXPECT_FALSE(cached_->orgLink(*uow, acme_.id, view.integration.id));
  EXPECT_TRUE(cached_->listForOrganization(*uow, acme_.id).empty());
  EXPECT_FALSE(cached_->credentials(*uow, view.integration.id, acme_.id));
  EXPECT_EQ(cached_->find(*uow, "jira_server", view.integration.id)->status, IntegrationStatus::PendingDeletion);
}

TEST_P(CachedIntegrationServiceTest, TheIntegrationByIdIsServedFromTheCacheAndAMetadataMergeIsSeenAtOnce) {
  const auto view = inTransaction([&](auto& uow) { return cached_->install(uow, acme_.id, std::nullopt, spec()); });
  auto metadata = [&] {
    auto uow = db().begin();
    return cached_->find(*uow, "jira_server", view.integration.id)->metadataJson;
  };
  ASSERT_NE(metadata().find("whs"), std::string::npos) << "opened, never sealed";
  inTransaction(
      [&](auto& uow) { integrations_->mergeMetadata(uow, view.integration.id, R"({"webhook_secret":"x"})"); });
  EXPECT_NE(metadata().find("whs"), std::string::npos) << "served from the cache";
  inTransaction(
      [&](auto& uow) { cached_->mergeMetadata(uow, view.integration.id, R"({"webhook_secret":"rotated"})"); });
  EXPECT_NE(metadata().find("rotated"), std::string::npos);
}

TEST_P(CachedIntegrationServiceTest, OneOrganizationNeverGetsAnothersAnswer) {
  const auto beta = makeOrg("beta");
  const auto view = installIntegration(acme_.id, "jira.example.test:consumer");  // acme only, enabled for acme only
  auto uow = db().begin();
  ASSERT_TRUE(cached_->pluginEnabled(*uow, acme_.id, "jira_server"));
  ASSERT_TRUE(cached_->orgLink(*uow, acme_.id, view.integration.id));
  ASSERT_EQ(cached_->listForOrganization(*uow, acme_.id).size(), 1u);
  ASSERT_TRUE(cached_->find(*uow, "jira_server", view.integration.id));
  EXPECT_FALSE(cached_->pluginEnabled(*uow, beta.id, "jira_server"));
  EXPECT_FALSE(cached_->orgLink(*uow, beta.id, view.integration.id));
  EXPECT_TRUE(cached_->listForOrganization(*uow, beta.id).empty());
  EXPECT_THROW(cached_->getForOrganization(*uow, beta.id, view.integration.id), NotFoundError);
  EXPECT_FALSE(cached_->credentials(*uow, view.integration.id, beta.id));
  EXPECT_FALSE(cached_->find(*uow, "github", view.integration.id)) << "another plugin's integration";
}

TEST_P(CachedIntegrationServiceTest, ATransactionThatChangedThemReadsItsOwnChangesAndARollbackLeavesNoTrace) {
  const auto view = installIntegration(acme_.id, "jira.example.test:consumer");
  {
    auto uow = db().begin();
    ASSERT_TRUE(cached_->pluginEnabled(*uow, acme_.id, "jira_server"));
    ASSERT_EQ(cached_->orgLinks(*uow, view.integration.id).front().configJson, "{}");
    cached_->setPluginEnabled(*uow, acme_.id, "jira_server", false);
    cached_->mergeConfig(*uow, acme_.id, view.integration.id, R"({"b":2})");
    EXPECT_FALSE(cached_->pluginEnabled(*uow, acme_.id, "jira_server"));
    EXPECT_EQ(cached_->orgLinks(*uow, view.integration.id).front().configJson, R"({"b":2})");
    uow->rollback();
  }
  auto uow = db().begin();
  EXPECT_TRUE(cached_->pluginEnabled(*uow, acme_.id, "jira_server"));
  EXPECT_EQ(cached_->orgLinks(*uow, view.integration.id).front().configJson, "{}");
}

IH_INSTANTIATE_BACKENDS(CachedIntegrationServiceTest);

// Two hosts on one PostgreSQL (SQLite has one host): each its own Database,
// cache and listener.
class CachedIntegrationServiceAcrossHostsTest : public CachedIntegrationServiceTest {};

TEST_P(CachedIntegrationServiceAcrossHostsTest, AChangeCommittedByAnotherHostEmptiesThisHostsCache) {
  auto otherDatabase = openAgain();
  LookupCache otherCache;
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

// The members an inbound assignment may pick for a Jira user's email, through
// DirectoryService. As above, the fixture's directory_ has no cache: a change
// made through it is one made behind cache_'s back.
class CachedDirectoryTest : public ih::test::DomainTest {
 protected:
  using Ids = std::vector<int64_t>;
  void SetUp() override {
    DomainTest::SetUp();
    if (IsSkipped()) return;
    cached_ = std::make_unique<DirectoryService>(clock_, &cache_);
    acme_ = makeOrg("acme");
    alice_ = makeUser("alice@example.test");
    makeTeam(acme_.id, "core", {alice_.id});
    api_ = makeProject(acme_.id, "api", {"core"});
  }
  void TearDown() override {
    cached_.reset();
    DomainTest::TearDown();
  }
  Ids eligible(DirectoryService& service, int64_t organizationId, storage::Database* database = nullptr) {
    auto uow = (database != nullptr ? *database : db()).begin();
    Ids ids;
    for (const auto& user : service.usersByVerifiedEmail(*uow, organizationId, "Alice@Example.test", api_.id)) {
      ids.push_back(user.id);
    }
    return ids;
  }

  LookupCache cache_{std::chrono::hours(1)};
  std::unique_ptr<DirectoryService> cached_;
  storage::Organization acme_;
  storage::User alice_;
  storage::Project api_;
};

TEST_P(CachedDirectoryTest, EligibleMembersAreServedFromTheCacheAndEveryChangeToThemIsSeenAtOnce) {
  ASSERT_EQ(eligible(*cached_, acme_.id), Ids{alice_.id});
  inTransaction([&](auto& uow) { directory_->setUserActive(uow, alice_.id, false); });
  EXPECT_EQ(eligible(*cached_, acme_.id), Ids{alice_.id}) << "served from the cache";
  inTransaction([&](auto& uow) { cached_->setUserActive(uow, alice_.id, false); });
  EXPECT_TRUE(eligible(*cached_, acme_.id).empty()) << "a deactivation is seen at once";
  inTransaction([&](auto& uow) { cached_->setUserActive(uow, alice_.id, true); });
  ASSERT_EQ(eligible(*cached_, acme_.id), Ids{alice_.id});

  // A second user with the address: eligible once a member on a team of the project.
  const auto bob = inTransaction([&](auto& uow) {
    return cached_->createUser(uow, "bob@example.test", "Bob", {{"alice@example.test", true}});
  });
  inTransaction([&](auto& uow) { cached_->addMember(uow, acme_.id, bob.id, storage::Role::Member); });
  EXPECT_EQ(eligible(*cached_, acme_.id), Ids{alice_.id}) << "a member, on no team of the project";
  inTransaction([&](auto& uow) { cached_->addTeamMember(uow, acme_.id, "core", bob.id); });
  EXPECT_EQ(eligible(*cached_, acme_.id), (Ids{alice_.id, bob.id})) << "a team's new member is seen at once";
}

TEST_P(CachedDirectoryTest, AnotherOrganizationNeverGetsTheAnswerAndNobodyIsNotKept) {
  const auto beta = makeOrg("beta");
  ASSERT_EQ(eligible(*cached_, acme_.id), Ids{alice_.id});
  EXPECT_TRUE(eligible(*cached_, beta.id).empty()) << "alice is no member of beta";
  EXPECT_EQ(cache_.size(), 1u) << "an empty answer is read again next time";
  inTransaction([&](auto& uow) { directory_->addMember(uow, beta.id, alice_.id, storage::Role::Member); });
  makeTeam(beta.id, "beta-core", {alice_.id});
  const auto betaApi = makeProject(beta.id, "api", {"beta-core"});
  auto uow = db().begin();
  EXPECT_EQ(cached_->usersByVerifiedEmail(*uow, beta.id, "alice@example.test", betaApi.id).size(), 1u)
      << "seen at once, although made behind the cache's back: misses are never kept";
}

IH_INSTANTIATE_BACKENDS(CachedDirectoryTest);

class CachedDirectoryAcrossHostsTest : public CachedDirectoryTest {};

TEST_P(CachedDirectoryAcrossHostsTest, ADeactivationOnAnotherHostEmptiesThisHostsCache) {
  auto otherDatabase = openAgain();
  LookupCache otherCache{std::chrono::hours(1)};
  otherCache.followOtherHosts(otherDatabase->listen(kIntegrationsChannel, [&] { otherCache.invalidateAll(); }));
  DirectoryService otherHost(clock_, &otherCache);
  ASSERT_TRUE(ih::testing::eventually([&] {
    eligible(otherHost, acme_.id, otherDatabase.get());
    return otherCache.size() == 1;
  })) << "the other host's listener connects and its cache keeps the answer";
  inTransaction([&](auto& uow) { cached_->setUserActive(uow, alice_.id, false); });
  EXPECT_TRUE(ih::testing::eventually([&] { return otherCache.size() == 0; }, 5s))
      << "the notification arrived with the commit";
  EXPECT_TRUE(eligible(otherHost, acme_.id, otherDatabase.get()).empty());
}

INSTANTIATE_TEST_SUITE_P(Postgres, CachedDirectoryAcrossHostsTest, ::testing::Values(::ih::test::Backend::Postgres),
                         ::ih::test::backendName);

}  // namespace
}  // namespace ih::host::domain
