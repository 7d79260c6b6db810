// Plugin enablement, integrations, identities and org links.
#include "storage/integration_repositories.h"

#include <gtest/gtest.h>

#include "storage/directory_repositories.h"
#include "storage/external_issue_repository.h"
#include "storage/issue_repositories.h"
#include "storage/query.h"
#include "support/backend.h"

namespace ih::host::storage {
namespace {

class IntegrationRepositoriesTest : public ih::test::BackendTest {
 protected:
  Integration integration(const std::string& externalId) {
    Integration i;
    i.provider = "jira_server";
    i.externalId = externalId;
    i.name = "Jira";
    i.metadataJson = R"({"base_url":"x"})";
    i.createdAt = 1;
    return i;
  }
};

TEST_P(IntegrationRepositoriesTest, PluginsStartDisabledAndToggle) {
  auto uow = db().begin();
  const auto org = OrganizationRepository(*uow).insert("acme", "Acme", 1);
  PluginEnablementRepository plugins(*uow);
  EXPECT_FALSE(plugins.isEnabled(org.id, "jira_server"));
  plugins.set(org.id, "jira_server", true, 1);
  EXPECT_TRUE(plugins.isEnabled(org.id, "jira_server"));
  EXPECT_FALSE(plugins.isEnabled(org.id, "other"));
  plugins.set(org.id, "jira_server", false, 2);
  EXPECT_FALSE(plugins.isEnabled(org.id, "jira_server"));
}

TEST_P(IntegrationRepositoriesTest, IntegrationsAreUniquePerProviderAndExternalId) {
  auto uow = db().begin();
  IntegrationRepository integrations(*uow);
  const auto stored = integrations.insert(integration("jira.example.test:key"));
  EXPECT_EQ(integrations.findByExternalId("jira_server", "jira.example.test:key")->id, stored.id);
  EXPECT_FALSE(integrations.findByExternalId("other_provider", "jira.example.test:key"));
  integrations.update(stored.id, "Renamed", R"({"a":1})", IntegrationStatus::PendingDeletion);
  const auto loaded = integrations.findById(stored.id);
  EXPECT_EQ(loaded->name, "Renamed");
  EXPECT_EQ(loaded->metadataJson, R"({"a":1})");
  EXPECT_EQ(loaded->status, IntegrationStatus::PendingDeletion);
  integrations.setStatus(stored.id, IntegrationStatus::Active);
  integrations.setMetadata(stored.id, "{}");
  EXPECT_EQ(integrations.findById(stored.id)->status, IntegrationStatus::Active);
  EXPECT_EQ(integrations.findById(stored.id)->metadataJson, "{}");
}

TEST_P(IntegrationRepositoriesTest, IdentitiesPerUserAndLatest) {
  auto uow = db().begin();
  const auto i = IntegrationRepository(*uow).insert(integration("x"));
  const auto u = UserRepository(*uow).insert(User{0, "a@example.test", "A", true, {{"a@example.test", true}}, 1});
  IdentityRepository identities(*uow);
  const auto superuser = identities.insert(Identity{0, i.id, std::nullopt, "x", "sealed-1", 10});
  const auto mine = identities.insert(Identity{0, i.id, u.id, "x", "sealed-2", 20});
  EXPECT_EQ(identities.findForUser(i.id, std::nullopt)->id, superuser.id);
  EXPECT_EQ(identities.findForUser(i.id, u.id)->id, mine.id);
  EXPECT_EQ(identities.latestForIntegration(i.id)->id, mine.id);
  identities.updateCredentials(superuser.id, "sealed-3", "x2");
  EXPECT_EQ(identities.findById(superuser.id)->credentialsJson, "sealed-3");
  EXPECT_EQ(identities.findById(superuser.id)->externalId, "x2");
}

TEST_P(IntegrationRepositoriesTest, OrgLinksListPerOrganizationAndIntegration) {
  auto uow = db().begin();
  const auto a = OrganizationRepository(*uow).insert("a", "A", 1);
  const auto b = OrganizationRepository(*uow).insert("b", "B", 1);
  const auto i = IntegrationRepository(*uow).insert(integration("x"));
  OrgIntegrationRepository links(*uow);
  const auto linkA = links.insert(OrgIntegration{0, a.id, i.id, "{}", std::nullopt, IntegrationStatus::Active, 1});
  links.insert(OrgIntegration{0, b.id, i.id, R"({"sync_comments":true})", std::nullopt, IntegrationStatus::Active, 1});
  EXPECT_EQ(links.listForIntegration(i.id).size(), 2u);
  ASSERT_EQ(links.listForOrganization(a.id).size(), 1u);
  links.updateConfig(linkA.id, R"({"sync_forward_assignment":true})");
  EXPECT_EQ(links.find(a.id, i.id)->configJson, R"({"sync_forward_assignment":true})");
  EXPECT_EQ(links.find(b.id, i.id)->configJson, R"({"sync_comments":true})");
  links.remove(linkA.id);
  EXPECT_FALSE(links.find(a.id, i.id));
  EXPECT_EQ(links.listForIntegration(i.id).size(), 1u);
}

TEST_P(IntegrationRepositoriesTest, RemovingAnIntegrationRemovesEverythingHangingOffIt) {
  auto uow = db().begin();
  const auto org = OrganizationRepository(*uow).insert("a", "A", 1);
  const auto project = ProjectRepository(*uow).insert(org.id, "api", {}, 1);
  const auto issue = IssueRepository(*uow).insert(org.id, project.id, 1, "Crash", 1);
  const auto kept = IntegrationRepository(*uow).insert(integration("kept"));
  const auto gone = IntegrationRepository(*uow).insert(integration("gone"));
  for (const auto* i : {&kept, &gone}) {
    const auto identity = IdentityRepository(*uow).insert(Identity{0, i->id, std::nullopt, "x", "s", 1});
    OrgIntegrationRepository(*uow).insert(
        OrgIntegration{0, org.id, i->id, "{}", identity.id, IntegrationStatus::Active, 1});
    const auto external = ExternalIssueRepository(*uow).upsert(org.id, i->id, "OPS-1", "t", "d", "u", 1);
    ExternalIssueRepository(*uow).linkIssue(issue.id, external.id);
  }
  IntegrationRepository(*uow).remove(gone.id);
  EXPECT_FALSE(IntegrationRepository(*uow).findById(gone.id));
  EXPECT_FALSE(OrgIntegrationRepository(*uow).find(org.id, gone.id));
  EXPECT_FALSE(IdentityRepository(*uow).latestForIntegration(gone.id));
  EXPECT_FALSE(ExternalIssueRepository(*uow).findByKey(org.id, gone.id, "OPS-1"));
  EXPECT_EQ(Query(*uow, "SELECT COUNT(*) FROM issue_external_links").scalarInt64(), 1);
  // The other integration is untouched.
  EXPECT_TRUE(OrgIntegrationRepository(*uow).find(org.id, kept.id));
  EXPECT_TRUE(ExternalIssueRepository(*uow).findByKey(org.id, kept.id, "OPS-1"));
}

IH_INSTANTIATE_BACKENDS(IntegrationRepositoriesTest);

}  // namespace
}  // namespace ih::host::storage
