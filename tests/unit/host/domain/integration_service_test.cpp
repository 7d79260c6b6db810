// IntegrationService: install/reuse/second org, sealed credentials and metadata, config,
// unlink -> pending deletion + uninstall job, removal, external issues and
// watermarks.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "common/errors.h"
#include "domain/sealed_metadata.h"
#include "ihp/sdk/json.hpp"
#include "storage/query.h"
#include "support/domain_fixture.h"
#include "support/expect_errors.h"

namespace ih::host::domain {
namespace {

namespace json = ihp::sdk::json;
using ih::test::throwsFieldError;
using ih::test::kStartMs;
using storage::IntegrationStatus;

class IntegrationServiceTest : public ih::test::DomainTest {
 protected:
  void SetUp() override {
    DomainTest::SetUp();
    if (IsSkipped()) return;
    acme_ = makeOrg("acme");
    beta_ = makeOrg("beta");
    installer_ = makeUser("admin@example.test");
  }
  InstallSpec spec(const std::string& externalId = "jira.example.test:consumer",
                   const std::string& credentials = R"({"access_token":"SECRET-TOKEN-123"})") {
    InstallSpec s;
    s.provider = "jira_server";
    s.externalId = externalId;
    s.name = "jira.example.test";
    s.metadataJson = R"({"base_url":"http://jira.example.test","webhook_secret":"whs"})";
    s.credentialsJson = credentials;
    return s;
  }
  OrgIntegrationView install(int64_t organizationId, const InstallSpec& s,
                             std::optional<int64_t> userId = std::nullopt) {
    return inTransaction([&](auto& uow) { return integrations_->install(uow, organizationId, userId, s); });
  }

  storage::Organization acme_, beta_;
  storage::User installer_;
};

TEST_P(IntegrationServiceTest, InstallCreatesIntegrationIdentityAndLink) {
  const auto view = install(acme_.id, spec(), installer_.id);
  EXPECT_GT(view.integration.id, 0);
  EXPECT_EQ(view.integration.provider, "jira_server");
  EXPECT_EQ(view.integration.status, IntegrationStatus::Active);
  EXPECT_EQ(view.link.organizationId, acme_.id);
  EXPECT_EQ(view.link.configJson, "{}");  // every sync option off
  EXPECT_TRUE(view.link.defaultIdentityId);
  auto uow = db().begin();
  EXPECT_EQ(integrations_->credentials(*uow, view.integration.id, acme_.id), R"({"access_token":"SECRET-TOKEN-123"})");
  EXPECT_EQ(integrations_->credentials(*uow, view.integration.id, 0), R"({"access_token":"SECRET-TOKEN-123"})");
  EXPECT_FALSE(integrations_->credentials(*uow, view.integration.id, beta_.id));
}

TEST_P(IntegrationServiceTest, CredentialsAreSealedAtRest) {
  install(acme_.id, spec());
  auto uow = db().begin();
  const auto rows = storage::Query(*uow, "SELECT credentials FROM identities").rows();
  ASSERT_EQ(rows.size(), 1u);
  const std::string raw = rows[0].text(0);
  EXPECT_EQ(raw.rfind("v1:", 0), 0u);
  EXPECT_EQ(raw.find("SECRET-TOKEN-123"), std::string::npos);
  EXPECT_EQ(raw.find("access_token"), std::string::npos);
}

// The metadata column as stored, for every integration.
std::vector<std::string> storedMetadata(host::storage::Database& db) {
  auto uow = db.begin();
  std::vector<std::string> stored;
  for (const auto& row : storage::Query(*uow, "SELECT metadata FROM integrations ORDER BY id").rows()) {
    stored.push_back(row.text(0));
  }
  return stored;
}

std::string webhookSecretOf(const std::optional<storage::Integration>& integration) {
  json::Document metadata;
  if (!integration || !json::parseObject(integration->metadataJson, metadata)) return "<unreadable>";
  return json::stringOr(metadata, "webhook_secret");
}

TEST_P(IntegrationServiceTest, MetadataIsSealedAtRestAndOpenedForItsReaders) {
  const auto view = install(acme_.id, spec());
  EXPECT_EQ(webhookSecretOf(view.integration), "whs");
  inTransaction([&](auto& uow) { integrations_->mergeMetadata(uow, view.integration.id, R"({"webhook_id":"77"})"); });

  const auto stored = storedMetadata(db());
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].rfind("v1:", 0), 0u) << stored[0];
  // Looked for as plaintext JSON writes them, quotes included: a quote is
  // outside base64's alphabet, so the sealed text cannot hold one by chance
  // (a bare "77" turned up in about one ciphertext in twenty).
  for (const char* plain : {R"("whs")", R"("webhook_secret")", R"("base_url")", R"("77")"}) {
    EXPECT_EQ(stored[0].find(plain), std::string::npos) << plain;
  }
  auto uow = db().begin();
  const auto found = integrations_->findByExternalId(*uow, "jira_server", "jira.example.test:consumer");
  EXPECT_EQ(webhookSecretOf(found), "whs");
  EXPECT_EQ(webhookSecretOf(integrations_->find(*uow, "jira_server", view.integration.id)), "whs");
  EXPECT_EQ(webhookSecretOf(integrations_->getForOrganization(*uow, acme_.id, view.integration.id).integration), "whs");
  EXPECT_EQ(webhookSecretOf(integrations_->listForOrganization(*uow, acme_.id).at(0).integration), "whs");
  json::Document merged;
  ASSERT_TRUE(json::parseObject(found->metadataJson, merged));
  EXPECT_EQ(json::stringOr(merged, "webhook_id"), "77");
}

TEST_P(IntegrationServiceTest, PlaintextMetadataOfAnOlderHostIsReadThenResealed) {
  const auto view = install(acme_.id, spec());
  // What a host before sealing wrote.
  inTransaction([&](auto& uow) {
    uow.beginWrite();
    storage::Query(uow, "UPDATE integrations SET metadata = ? WHERE id = ?")
        .bind(std::string(R"({"base_url":"http://jira.example.test","webhook_secret":"legacy-whs"})"))
        .bind(view.integration.id)
        .execute();
  });
  {
    auto uow = db().begin();
    EXPECT_EQ(webhookSecretOf(integrations_->find(*uow, "jira_server", view.integration.id)), "legacy-whs");
  }

  EXPECT_EQ(inTransaction([&](auto& uow) { return resealPlaintextMetadata(uow, secrets_); }), 1);
  const auto stored = storedMetadata(db());
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].rfind("v1:", 0), 0u) << stored[0];
  EXPECT_EQ(stored[0].find("legacy-whs"), std::string::npos);
  auto uow = db().begin();
  EXPECT_EQ(webhookSecretOf(integrations_->find(*uow, "jira_server", view.integration.id)), "legacy-whs");
  EXPECT_EQ(resealPlaintextMetadata(*uow, secrets_), 0);  // nothing left to seal
}

TEST_P(IntegrationServiceTest, SecondOrganizationReusesTheIntegration) {
  const auto first = install(acme_.id, spec());
  InstallSpec again = spec();
  again.name = "Renamed Jira";
  again.metadataJson = R"({"base_url":"http://new.example.test"})";
  const auto second = install(beta_.id, again, installer_.id);
  EXPECT_EQ(second.integration.id, first.integration.id);
  EXPECT_NE(second.link.id, first.link.id);
  auto uow = db().begin();
  const auto stored = integrations_->find(*uow, "jira_server", first.integration.id);
  EXPECT_EQ(stored->name, "Renamed Jira");
  EXPECT_EQ(stored->metadataJson, R"({"base_url":"http://new.example.test"})");
  EXPECT_EQ(integrations_->orgLinks(*uow, first.integration.id).size(), 2u);
  // Each org link uses the identity of whoever installed it there.
  EXPECT_NE(first.link.defaultIdentityId, second.link.defaultIdentityId);
}

TEST_P(IntegrationServiceTest, ReinstallInTheSameOrganizationKeepsItsLinkAndConfig) {
  const auto first = install(acme_.id, spec());
  inTransaction(
      [&](auto& uow) { integrations_->mergeConfig(uow, acme_.id, first.integration.id, R"({"sync_comments":true})"); });
  const auto again = install(acme_.id, spec("jira.example.test:consumer", R"({"access_token":"NEW"})"));
  EXPECT_EQ(again.link.id, first.link.id);
  EXPECT_EQ(again.link.configJson, R"({"sync_comments":true})");
  auto uow = db().begin();
  EXPECT_EQ(integrations_->credentials(*uow, first.integration.id, acme_.id), R"({"access_token":"NEW"})");
  EXPECT_EQ(storage::Query(*uow, "SELECT COUNT(*) FROM identities").scalarInt64(), 1);
}

TEST_P(IntegrationServiceTest, InstallValidatesItsSpec) {
  auto uow = db().begin();
  EXPECT_TRUE(throwsFieldError(
      [&] { integrations_->install(*uow, acme_.id, std::nullopt, spec(std::string(65, 'x'))); }, "externalId"));
  EXPECT_TRUE(throwsFieldError([&] { integrations_->install(*uow, acme_.id, std::nullopt, spec("")); }, "externalId"));
  std::string accented;  // 64 characters, 128 bytes: what the plugin's cut leaves
  for (int i = 0; i < 64; ++i) accented += "\xc3\xa9";
  EXPECT_NO_THROW(integrations_->install(*uow, acme_.id, std::nullopt, spec(accented)));
  InstallSpec badMetadata = spec();
  badMetadata.metadataJson = "[]";
  EXPECT_TRUE(throwsFieldError([&] { integrations_->install(*uow, acme_.id, std::nullopt, badMetadata); }, "metadata"));
  EXPECT_THROW(integrations_->install(*uow, acme_.id + 100, std::nullopt, spec()), NotFoundError);
}

TEST_P(IntegrationServiceTest, ConfigMergesReplacesAndStaysPerOrganization) {
  const auto view = install(acme_.id, spec());
  install(beta_.id, spec());
  const int64_t id = view.integration.id;
  const auto third = makeOrg("gamma");
  inTransaction([&](auto& uow) {
    integrations_->mergeConfig(uow, acme_.id, id, R"({"sync_comments":true,"resolution_strategy":"resolve"})");
    integrations_->mergeConfig(uow, acme_.id, id, R"({"resolution_strategy":"resolve_next_release"})");
  });
  auto uow = db().begin();
  EXPECT_EQ(integrations_->getForOrganization(*uow, acme_.id, id).link.configJson,
            R"({"sync_comments":true,"resolution_strategy":"resolve_next_release"})");
  EXPECT_EQ(integrations_->getForOrganization(*uow, beta_.id, id).link.configJson, "{}");
  integrations_->replaceConfig(*uow, acme_.id, id, R"({"sync_forward_assignment":true})");
  EXPECT_EQ(integrations_->getForOrganization(*uow, acme_.id, id).link.configJson,
            R"({"sync_forward_assignment":true})");
  EXPECT_TRUE(throwsFieldError([&] { integrations_->mergeConfig(*uow, acme_.id, id, "[]"); }, "config"));
  EXPECT_THROW(integrations_->mergeConfig(*uow, third.id, id, "{}"), NotFoundError);
  EXPECT_THROW(integrations_->getForOrganization(*uow, third.id, id), NotFoundError);
  EXPECT_TRUE(integrations_->listForOrganization(*uow, third.id).empty());
  EXPECT_EQ(integrations_->listForOrganization(*uow, acme_.id).size(), 1u);
}

TEST_P(IntegrationServiceTest, PluginFacingLookupsAreScopedToTheProvider) {
  const auto view = install(acme_.id, spec());
  auto uow = db().begin();
  EXPECT_EQ(integrations_->findByExternalId(*uow, "jira_server", "jira.example.test:consumer")->id,
            view.integration.id);
  EXPECT_FALSE(integrations_->findByExternalId(*uow, "github", "jira.example.test:consumer"));
  EXPECT_FALSE(integrations_->find(*uow, "github", view.integration.id));
  integrations_->mergeMetadata(*uow, view.integration.id, R"({"webhook_id":"77"})");
  json::Document metadata;
  ASSERT_TRUE(json::parseObject(integrations_->find(*uow, "jira_server", view.integration.id)->metadataJson, metadata));
  EXPECT_EQ(json::stringOr(metadata, "webhook_id"), "77");
  EXPECT_EQ(json::stringOr(metadata, "base_url"), "http://jira.example.test");
}

TEST_P(IntegrationServiceTest, OrgLinksReportPluginEnablementPerOrganization) {
  const auto view = install(acme_.id, spec());
  install(beta_.id, spec());
  setPluginEnabled(beta_.id, true);
  auto uow = db().begin();
  const auto links = integrations_->orgLinks(*uow, view.integration.id);
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links[0].organizationId, acme_.id);
  EXPECT_FALSE(links[0].pluginEnabled);
  EXPECT_TRUE(links[1].pluginEnabled);
  EXPECT_EQ(links[1].configJson, "{}");
}

TEST_P(IntegrationServiceTest, UnlinkingTheLastOrganizationQueuesTheUninstall) {
  const auto view = install(acme_.id, spec());
  install(beta_.id, spec());
  const int64_t id = view.integration.id;
  const auto project = makeProject(acme_.id, "api", {});
  const auto issue = makeIssue(acme_.id, project.id);
  linkTicket(acme_.id, id, issue.id, "OPS-1");

  EXPECT_FALSE(inTransaction([&](auto& uow) { return integrations_->unlink(uow, acme_.id, id); }));
  EXPECT_TRUE(pendingJobs().empty());
  {
    auto uow = db().begin();
    EXPECT_EQ(integrations_->find(*uow, "jira_server", id)->status, IntegrationStatus::Active);
    EXPECT_TRUE(integrations_->linkedIssues(*uow, id, "OPS-1").empty());  // acme's tickets went with its link
    EXPECT_THROW(integrations_->getForOrganization(*uow, acme_.id, id), NotFoundError);
  }
  EXPECT_TRUE(inTransaction([&](auto& uow) { return integrations_->unlink(uow, beta_.id, id); }));
  auto uow = db().begin();
  const auto integration = integrations_->findByExternalId(*uow, "jira_server", "jira.example.test:consumer");
  ASSERT_TRUE(integration);  // still found, with its status, for the plugin to decide
  EXPECT_EQ(integration->status, IntegrationStatus::PendingDeletion);
  const auto jobs = pendingJobs();
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(jobs[0].pluginKey, "");
  EXPECT_EQ(jobs[0].kind, "integration.uninstall");
  EXPECT_EQ(jobs[0].integrationId, id);
  EXPECT_EQ(jobs[0].payloadJson, R"({"integrationId":)" + std::to_string(id) + R"(,"provider":"jira_server"})");
  // Credentials stay readable for the uninstall hook.
  EXPECT_TRUE(integrations_->credentials(*uow, id, 0));
  EXPECT_THROW(integrations_->unlink(*uow, beta_.id, id), NotFoundError);
}

TEST_P(IntegrationServiceTest, ReinstallingAPendingDeletionReactivatesAndCancelsTheUninstall) {
  const auto view = install(acme_.id, spec());
  inTransaction([&](auto& uow) { integrations_->unlink(uow, acme_.id, view.integration.id); });
  ASSERT_EQ(pendingJobs().size(), 1u);
  const auto again = install(beta_.id, spec());
  EXPECT_EQ(again.integration.id, view.integration.id);
  EXPECT_EQ(again.integration.status, IntegrationStatus::Active);
  EXPECT_TRUE(pendingJobs().empty());
}

TEST_P(IntegrationServiceTest, RemoveDeletesEverythingOfTheIntegration) {
  const auto view = install(acme_.id, spec());
  const auto project = makeProject(acme_.id, "api", {});
  const auto issue = makeIssue(acme_.id, project.id);
  linkTicket(acme_.id, view.integration.id, issue.id, "OPS-1");
  inTransaction([&](auto& uow) { integrations_->remove(uow, view.integration.id); });
  auto uow = db().begin();
  EXPECT_FALSE(integrations_->find(*uow, "jira_server", view.integration.id));
  EXPECT_FALSE(integrations_->credentials(*uow, view.integration.id, 0));
  EXPECT_TRUE(integrations_->listForOrganization(*uow, acme_.id).empty());
  EXPECT_TRUE(issues_->externalIssues(*uow, acme_.id, issue.id).empty());
  EXPECT_TRUE(issues_->find(*uow, acme_.id, issue.id));  // the issue itself stays
}

TEST_P(IntegrationServiceTest, LinkingNeedsTheOrgsIssueAndLink) {
  const auto view = install(acme_.id, spec());
  const auto project = makeProject(acme_.id, "api", {});
  const auto issue = makeIssue(acme_.id, project.id);
  auto uow = db().begin();
  EXPECT_THROW(integrations_->linkExternalIssue(*uow, beta_.id, view.integration.id, issue.id, "OPS-1", "", "", ""),
               NotFoundError);
  EXPECT_TRUE(throwsFieldError(
      [&] { integrations_->linkExternalIssue(*uow, acme_.id, view.integration.id, issue.id, " ", "", "", ""); },
      "externalIssue"));
  const auto linked =
      integrations_->linkExternalIssue(*uow, acme_.id, view.integration.id, issue.id, "OPS-1", "T", "D", "U");
  const auto found = integrations_->linkedIssues(*uow, view.integration.id, "OPS-1");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].issueId, issue.id);
  EXPECT_EQ(found[0].projectId, project.id);
  EXPECT_EQ(found[0].externalIssueId, linked.id);
  EXPECT_EQ(found[0].status, storage::IssueStatus::Unresolved);
}

TEST_P(IntegrationServiceTest, WatermarksHaveTheirOwnStalenessRules) {
  const auto view = install(acme_.id, spec());
  const auto project = makeProject(acme_.id, "api", {});
  linkTicket(acme_.id, view.integration.id, makeIssue(acme_.id, project.id).id, "OPS-1");
  const int64_t id = view.integration.id;
  auto advance = [&](WatermarkKind kind, int64_t time, const std::string& key = "OPS-1", int64_t org = 0) {
    return inTransaction(
        [&](auto& uow) { return integrations_->advanceWatermark(uow, org ? org : acme_.id, id, key, kind, time); });
  };
  EXPECT_EQ(advance(WatermarkKind::Assignee, 100), WatermarkResult::Advanced);
  EXPECT_EQ(advance(WatermarkKind::Assignee, 100), WatermarkResult::Advanced);  // equal: not stale
  EXPECT_EQ(advance(WatermarkKind::Assignee, 99), WatermarkResult::Stale);
  EXPECT_EQ(advance(WatermarkKind::Status, 100), WatermarkResult::Advanced);
  EXPECT_EQ(advance(WatermarkKind::Status, 100), WatermarkResult::Stale);  // equal: stale
  EXPECT_EQ(advance(WatermarkKind::Status, 101), WatermarkResult::Advanced);
  EXPECT_EQ(advance(WatermarkKind::Assignee, 500, "OPS-2"), WatermarkResult::NotLinked);
  EXPECT_EQ(advance(WatermarkKind::Assignee, 500, "OPS-1", beta_.id), WatermarkResult::NotLinked);
}

// Defence in depth behind the plugin's own check: whoever asks, a time more
// than a day ahead of the host's clock never becomes a watermark (it would
// make every genuine change until then look stale).
TEST_P(IntegrationServiceTest, WatermarksRefuseTimesMoreThanADayAhead) {
  const auto view = install(acme_.id, spec());
  const auto project = makeProject(acme_.id, "api", {});
  linkTicket(acme_.id, view.integration.id, makeIssue(acme_.id, project.id).id, "OPS-1");
  const int64_t day = 24LL * 60 * 60 * 1000;
  for (const auto kind : {WatermarkKind::Assignee, WatermarkKind::Status}) {
    for (const int64_t time : {kStartMs + day + 1, INT64_MAX}) {
      auto uow = db().begin();
      EXPECT_THROW(integrations_->advanceWatermark(*uow, acme_.id, view.integration.id, "OPS-1", kind, time),
                   BadRequestError);
    }
    const auto accepted = inTransaction([&](auto& uow) {
      return integrations_->advanceWatermark(uow, acme_.id, view.integration.id, "OPS-1", kind, kStartMs + day);
    });
    EXPECT_EQ(accepted, WatermarkResult::Advanced);
  }
}

TEST_P(IntegrationServiceTest, ConcurrentWatermarkAdvancesKeepTheMaximum) {
  const auto view = install(acme_.id, spec());
  const auto project = makeProject(acme_.id, "api", {});
  linkTicket(acme_.id, view.integration.id, makeIssue(acme_.id, project.id).id, "OPS-1");
  std::atomic<int> errors{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i) {
        try {
          auto uow = db().begin();
          integrations_->advanceWatermark(*uow, acme_.id, view.integration.id, "OPS-1", WatermarkKind::Status,
                                          1000 + i * 4 + t);
          uow->commit();
        } catch (const std::exception&) {
          ++errors;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(errors.load(), 0);
  auto uow = db().begin();
  EXPECT_EQ(storage::Query(*uow, "SELECT status_watermark FROM external_issues").scalarInt64(), 1000 + 19 * 4 + 3);
}

TEST_P(IntegrationServiceTest, RekeyFollowsAMovedTicketInEveryOrganization) {
  const auto view = install(acme_.id, spec());
  install(beta_.id, spec());
  const auto acmeProject = makeProject(acme_.id, "api", {});
  const auto betaProject = makeProject(beta_.id, "web", {});
  const int64_t id = view.integration.id;
  inTransaction([&](auto& uow) {
    return integrations_->linkExternalIssue(uow, acme_.id, id, makeIssue(acme_.id, acmeProject.id).id, "OPS-1", "T",
                                            "", "http://jira.example.test/browse/OPS-1");
  });
  linkTicket(beta_.id, id, makeIssue(beta_.id, betaProject.id).id, "OPS-1");
  // beta already tracks the new key: its OPS-1 stays, so no duplicate appears.
  linkTicket(beta_.id, id, makeIssue(beta_.id, betaProject.id).id, "ENG-5");

  EXPECT_EQ(inTransaction([&](auto& uow) { return integrations_->rekeyExternalIssues(uow, id, "OPS-1", "ENG-5"); }),
            1);
  auto uow = db().begin();
  const auto moved = integrations_->linkedIssues(*uow, id, "ENG-5");
  ASSERT_EQ(moved.size(), 2u);
  EXPECT_EQ(integrations_->linkedIssues(*uow, id, "OPS-1").size(), 1u);  // beta's, left alone
  EXPECT_EQ(storage::Query(*uow, "SELECT url FROM external_issues WHERE organization_id = ? AND external_key = ?")
                .bind(acme_.id)
                .bind("ENG-5")
                .one()
                ->text(0),
            "http://jira.example.test/browse/ENG-5");
  EXPECT_EQ(integrations_->rekeyExternalIssues(*uow, id, "ENG-5", "ENG-5"), 0);
  EXPECT_TRUE(throwsFieldError([&] { integrations_->rekeyExternalIssues(*uow, id, "", "X-1"); }, "key"));
}

TEST_P(IntegrationServiceTest, CommentLinksAndGoneMarksStayInsideTheOrganization) {
  const auto view = install(acme_.id, spec());
  install(beta_.id, spec());
  const auto project = makeProject(acme_.id, "api", {});
  const auto issue = makeIssue(acme_.id, project.id);
  const auto ticket = linkTicket(acme_.id, view.integration.id, issue.id, "OPS-1");
  const auto comment =
      inTransaction([&](auto& uow) { return issues_->addComment(uow, acme_.id, issue.id, std::nullopt, "c"); });
  auto uow = db().begin();
  EXPECT_THROW(integrations_->linkCommentExternal(*uow, beta_.id, comment.id, ticket.id, "1"), NotFoundError);
  integrations_->linkCommentExternal(*uow, acme_.id, comment.id, ticket.id, "10001");
  EXPECT_EQ(integrations_->externalCommentId(*uow, comment.id, ticket.id), "10001");
  EXPECT_THROW(integrations_->markExternalIssueGone(*uow, beta_.id, ticket.id, "404"), NotFoundError);
  EXPECT_NO_THROW(integrations_->markExternalIssueGone(*uow, acme_.id, ticket.id, "404"));
}

TEST_P(IntegrationServiceTest, PluginEnablementDefaultsOffAndNeedsAnOrganization) {
  auto uow = db().begin();
  EXPECT_FALSE(integrations_->pluginEnabled(*uow, acme_.id, "jira_server"));
  integrations_->setPluginEnabled(*uow, acme_.id, "jira_server", true);
  EXPECT_TRUE(integrations_->pluginEnabled(*uow, acme_.id, "jira_server"));
  EXPECT_FALSE(integrations_->pluginEnabled(*uow, beta_.id, "jira_server"));
  EXPECT_THROW(integrations_->setPluginEnabled(*uow, acme_.id + 100, "jira_server", true), NotFoundError);
}

IH_INSTANTIATE_BACKENDS(IntegrationServiceTest);

}  // namespace
}  // namespace ih::host::domain
