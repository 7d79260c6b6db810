// Installing the Jira Server plugin against a real mock-jira: the OAuth 1.0a
// dance through the pipeline API and through the browser callback, the
// webhook in both Jira generations, re-install in a second org, and the
// failures (non-admin Jira user, plugin not enabled, invalid form, bad tokens).
#include <gtest/gtest.h>

#include <set>

#include "jira_e2e.h"
#include "support/eventually.h"
#include "support/json_helpers.h"

namespace ih::e2e::jira {
namespace {

using ih::testing::jsonString;

std::string netlocOf(const std::string& url) {
  std::string rest = url.substr(url.find("://") + 3);
  return rest.substr(0, rest.find('/'));
}

class JiraInstallE2E : public JiraE2ETest, public ::testing::WithParamInterface<std::string> {};

TEST_P(JiraInstallE2E, InstallsThroughTheApiAndReceivesDeliveries) {
  start(GetParam());
  createOrg("acme");
  Reply done = install("acme");
  ASSERT_EQ(done.status, 200) << done.describe();
  EXPECT_EQ(done.str("status"), "complete");
  EXPECT_FALSE(jsonString(done.json, "/data/integrationId").empty());

  Reply list = host_->get("/api/0/organizations/acme/integrations/", kAdmin);
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.json.Size(), 1u) << list.body;
  EXPECT_EQ(jsonString(list.json, "/0/externalId"), netlocOf(jira_->baseUrl()) + ":" + kConsumerKey);
  EXPECT_EQ(jsonString(list.json, "/0/provider/key"), "jira_server");
  for (const char* secret : {"webhook_secret", "private_key", "access_token", "BEGIN PRIVATE KEY", kWebhookPath}) {
    EXPECT_EQ(list.body.find(secret), std::string::npos) << "the API leaks " << secret;
  }

  // The webhook exists in the generation this Jira serves, pointing at the host.
  ASSERT_EQ(webhookCount(), 1u);
  EXPECT_EQ(webhookUrl().rfind(host_->baseUrl() + kWebhookPath, 0), 0u) << webhookUrl();

  // Every call to Jira was OAuth-signed with a fresh nonce (never byte-compared).
  auto journal = mockJson("GET", "/_mock/journal");
  std::set<std::string> authorizations;
  size_t signedCalls = 0;
  for (const auto& entry : journal.GetArray()) {
    std::string path = entry["path"].GetString();
    if (path.find("/_mock") == 0) continue;
    std::string authorization = ih::testing::jsonHas(entry, "/headers/authorization")
                                    ? jsonString(entry, "/headers/authorization")
                                    : "";
    EXPECT_EQ(authorization.rfind("OAuth ", 0), 0u) << path;
    EXPECT_NE(authorization.find("oauth_signature_method=\"RSA-SHA1\""), std::string::npos) << path;
    EXPECT_NE(authorization.find(std::string("oauth_consumer_key=\"") + kConsumerKey + "\""), std::string::npos);
    if (path.find("access-token") != std::string::npos) {
      EXPECT_NE(authorization.find("oauth_verifier="), std::string::npos);
    }
    authorizations.insert(authorization);
    ++signedCalls;
  }
  EXPECT_GE(signedCalls, 4u);  // request-token, access-token, serverInfo, webhook
  EXPECT_EQ(authorizations.size(), signedCalls);

  // A change in Jira is delivered and accepted (the issue is not linked: a no-op).
  ASSERT_EQ(jira_->control("POST", "/_mock/issues/OPS-1/assignee", R"({"assignee":"bob","actor":"alice"})").status,
            200);
  auto deliveries = waitForDeliveries(1);
  ASSERT_GE(deliveries.Size(), 1u);
  EXPECT_EQ(ih::testing::jsonInt(deliveries, "/0/status"), 200) << ih::testing::toJson(deliveries);
  if (GetParam().rfind("10.", 0) == 0) {
    // DC 10 signs deliveries; the host checked X-Hub-Signature with the real HMAC.
    EXPECT_EQ(jsonString(deliveries, "/0/headers/x-hub-signature").rfind("sha256=", 0), 0u);
  }

  // No secret reached the host's logs: not the webhook token, the private key
  // or an Authorization header.
  const std::string logs = host_->process().stderrText() + host_->process().stdoutText();
  const std::string url = webhookUrl();
  const std::string token = url.substr(url.rfind('/', url.size() - 2) + 1);
  const std::string& pem = runKeys().privatePkcs8Pem;
  const std::string keyLine = pem.substr(pem.find('\n') + 1, 64);
  EXPECT_EQ(logs.find(token.substr(0, token.size() - 1)), std::string::npos);
  EXPECT_EQ(logs.find(keyLine), std::string::npos);
  EXPECT_EQ(logs.find("oauth_signature="), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(JiraVersions, JiraInstallE2E, ::testing::Values("9.12.0", "10.3.0"),
                         [](const auto& info) { return info.param.substr(0, info.param.find('.')) == "9" ? "Jira9" : "Jira10"; });

TEST_F(JiraE2ETest, InstallCompletesThroughTheBrowserCallback) {
  start();
  createOrg("acme");
  Reply initialized = initialize("acme");
  ASSERT_EQ(initialized.status, 200) << initialized.describe();
  const std::string requestToken = submitInstallForm("acme", initialized.str("pipelineId"));
  auto [token, verifier] = approve(requestToken, "alice");
  auto page = completeByCallback("oauth_token=" + token + "&oauth_verifier=" + verifier);
  EXPECT_TRUE(page.status == 200 || page.status == 302 || page.status == 303) << page.status << " " << page.body;
  EXPECT_FALSE(integrationIdOf("acme").empty());
  EXPECT_EQ(webhookCount(), 1u);

  // The same link a second time names no pipeline any more.
  EXPECT_EQ(completeByCallback("oauth_token=" + token + "&oauth_verifier=" + verifier).status, 400);
}

TEST_F(JiraE2ETest, SecondOrganizationReusesTheIntegrationAndTheWebhook) {
  start();
  createOrg("acme");
  createOrg("beta");
  ASSERT_EQ(install("acme").status, 200);
  const std::string firstUrl = webhookUrl();
  ASSERT_EQ(install("beta").status, 200);
  EXPECT_EQ(integrationIdOf("acme"), integrationIdOf("beta"));
  EXPECT_EQ(webhookCount(), 1u) << "re-install must not register a duplicate webhook";
  EXPECT_EQ(webhookUrl(), firstUrl);

  // The first install's webhook token still validates.
  ASSERT_EQ(jira_->control("POST", "/_mock/issues/OPS-2/assignee", R"({"assignee":"alice","actor":"alice"})").status,
            200);
  auto deliveries = waitForDeliveries(1);
  EXPECT_EQ(ih::testing::jsonInt(deliveries, "/0/status"), 200) << ih::testing::toJson(deliveries);
}

TEST_F(JiraE2ETest, BadTokensGet400) {
  start();
  createOrg("acme");
  ASSERT_EQ(install("acme").status, 200);
  const std::string url = webhookUrl();
  ASSERT_FALSE(url.empty());
  const std::string body = R"({"webhookEvent":"jira:issue_updated","issue":{"key":"OPS-1"},"changelog":{"items":[]}})";

  std::string tampered = url;
  char& last = tampered[tampered.size() - 2];  // the token's last character, before the final '/'
  last = last == 'A' ? 'B' : 'A';
  for (const std::string& target : {host_->baseUrl() + kWebhookPath + "garbage/",
                                    host_->baseUrl() + kWebhookPath + "a.b.c/", tampered}) {
    auto response = ih::testing::httpRequest("POST", target, body);
    EXPECT_EQ(response.status, 400) << target;
  }
  EXPECT_EQ(ih::testing::httpRequest("POST", url, body).status, 200);

  auto metrics = ih::testing::httpRequest("GET", host_->baseUrl() + "/metrics");
  EXPECT_NE(metrics.body.find("webhook_invalid_token_total"), std::string::npos);

  // The reasons are logged, the tokens are not.
  const std::string logs = host_->process().stderrText() + host_->process().stdoutText();
  EXPECT_NE(logs.find("token-validation-error"), std::string::npos);
  const std::string validToken = url.substr(url.rfind('/', url.size() - 2) + 1);
  EXPECT_EQ(logs.find(validToken.substr(0, validToken.size() - 1)), std::string::npos);
}

TEST_F(JiraE2ETest, NonAdminJiraUserCannotInstallAndNothingIsStored) {
  start();
  createOrg("acme");
  Reply failed = install("acme", "bob");
  ASSERT_EQ(failed.status, 400) << failed.describe();
  EXPECT_EQ(failed.str("status"), "error");
  EXPECT_EQ(jsonString(failed.json, "/data/detail"),
            "Could not create issue webhook in Jira. You do not have permission to create WebHook 'Issue Sync'.");
  EXPECT_EQ(integrationIdOf("acme"), "");
  EXPECT_EQ(webhookCount(), 0u);
}

TEST_F(JiraE2ETest, OrganizationWithoutThePluginCannotStartTheInstall) {
  start();
  createOrg("off", /*enableJira=*/false);
  EXPECT_EQ(initialize("off").status, 403);
}

TEST_F(JiraE2ETest, InvalidFormAnswersFieldErrors) {
  start();
  createOrg("acme");
  Reply initialized = initialize("acme");
  ASSERT_EQ(initialized.status, 200);
  Reply step1 = completeByApi("acme", initialized.str("pipelineId"),
                              R"({"url":"not a url","consumerKey":"k","privateKey":"nope"})");
  ASSERT_EQ(step1.status, 400) << step1.describe();
  EXPECT_NE(step1.body.find("Enter a valid URL."), std::string::npos) << step1.body;
  EXPECT_NE(step1.body.find("Private key must be a valid SSH private key encoded in a PEM format."), std::string::npos);
}

}  // namespace
}  // namespace ih::e2e::jira
