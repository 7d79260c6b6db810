// Uninstall and personal-access-token installs end to end: the last org's
// unlink deletes the Jira webhook and later deliveries get 400, another org
// keeps working while one unlinks, and a PAT install syncs with Bearer.
#include <gtest/gtest.h>


#include "outbound_e2e.h"
#include "support/http_client.h"
#include "support/json_helpers.h"

namespace ih::e2e::jira {
namespace {

using namespace std::chrono_literals;


class UninstallE2E : public OutboundE2E {
 protected:
  Reply unlink(const std::string& org) {
    return host_->call("DELETE", "/api/0/organizations/" + org + "/integrations/" + integration_ + "/", kAdmin);
  }
  int deliverDirectly(const std::string& url) {
    const std::string payload =
        R"({"webhookEvent":"jira:issue_updated","timestamp":1,)"
        R"("issue":{"id":"1","key":"OPS-1","fields":{"assignee":null}},)"
        R"("changelog":{"items":[{"field":"assignee","from":"x","to":null}]}})";
    return ih::testing::httpRequest("POST", url, payload).status;
  }
};

TEST_F(UninstallE2E, UnlinkingTheLastOrgDeletesTheWebhook) {
  const std::string url = webhookUrl();
  ASSERT_FALSE(url.empty());
  ASSERT_EQ(webhookCount(), 1u);
  ASSERT_EQ(unlink("acme").status, 204);
  EXPECT_TRUE(within(10s, [&] { return webhookCount() == 0; })) << "the uninstall job deletes it in Jira";
  EXPECT_TRUE(within(5s, [&] { return deliverDirectly(url) == 400; })) << "the integration is gone";
  EXPECT_TRUE(integrationIdOf("acme").empty());
}

TEST_F(UninstallE2E, AnotherOrgKeepsWorkingWhileOneUnlinks) {
  createOrg("beta");
  ASSERT_EQ(install("beta").status, 200);
  ASSERT_EQ(integrationIdOf("beta"), integration_);
  ASSERT_EQ(unlink("beta").status, 204);
  // The unlink that queues the uninstall marks the integration pending
  // deletion in the same transaction, so "still active" right after the
  // answer means no uninstall was queued.
  Reply integration = host_->get("/api/0/organizations/acme/integrations/" + integration_ + "/", kAdmin);
  ASSERT_EQ(integration.status, 200) << integration.describe();
  EXPECT_EQ(integration.str("status"), "active") << "acme still links the integration";
  EXPECT_EQ(webhookCount(), 1u);

  clearJournal();
  ASSERT_EQ(updateIssue("acme", issue_, R"({"assignedTo":"bob@example.test"})").status, 200);
  EXPECT_TRUE(within(5s, [&] { return ticketField("OPS-1", "/fields/assignee/name") == "bob"; }));
  // And Jira -> host still reaches acme, through the webhook that is still there.
  ASSERT_EQ(jira_->control("POST", "/_mock/issues/OPS-1/status", R"({"status":"10001","actor":"alice"})").status, 200);
  EXPECT_TRUE(within(5s, [&] { return getIssue("acme", issue_).str("status") == "resolved"; }));
  EXPECT_EQ(webhookCount(), 1u);
}

TEST_F(UninstallE2E, PersonalAccessTokenInstallSyncsWithBearer) {
  createOrg("gamma");
  const std::string carol = createUser("carol@example.test");
  addMember("gamma", carol);
  createProject("gamma", "ops", "sre", carol);
  const std::string issue = createIssue("gamma", "ops", "Pager storm");

  Reply initialized = initialize("gamma");
  ASSERT_EQ(initialized.status, 200) << initialized.describe();
  Reply installed = completeByApi("gamma", initialized.str("pipelineId"), patInstallForm(jira_->baseUrl(), kInstallPat));
  ASSERT_EQ(installed.status, 200) << installed.describe();
  EXPECT_EQ(installed.str("status"), "complete");
  const std::string integration = integrationIdOf("gamma");
  ASSERT_FALSE(integration.empty());
  EXPECT_NE(integration, integration_) << "a PAT install is its own integration";
  Reply listed = host_->get("/api/0/organizations/gamma/integrations/" + integration + "/", kAdmin);
  EXPECT_EQ(listed.str("name"), "alice@" + ih::testing::jsonString(listed.json, "/domainName")) << listed.body;
  EXPECT_EQ(listed.body.find(kInstallPat), std::string::npos) << "never served";

  ASSERT_TRUE(linkIssue("gamma", issue, integration, "OPS-1"));
  ASSERT_EQ(setConfig("gamma", integration, kAllSyncsOn).status, 200);
  clearJournal();
  ASSERT_EQ(updateIssue("gamma", issue, R"({"status":"resolved"})").status, 200);
  EXPECT_TRUE(within(5s, [&] { return ticketField("OPS-1", "/fields/status/id") == "10001"; }));
  auto calls = journal("POST", kTransitionsPath);
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].authorization, std::string("Bearer ") + kInstallPat);
}

TEST_F(UninstallE2E, AWrongPersonalAccessTokenIsRefused) {
  createOrg("delta");
  Reply initialized = initialize("delta");
  Reply refused =
      completeByApi("delta", initialized.str("pipelineId"),
                    R"({"authType":"pat","url":")" + jira_->baseUrl() + R"(","personalAccessToken":"nope"})");
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("Could not authenticate to Jira with the personal access token."), std::string::npos)
      << refused.body;
}

}  // namespace
}  // namespace ih::e2e::jira
