// Jira over HTTPS end to end: mock-jira serves its REST and OAuth endpoints
// with a certificate for "localhost" that a throwaway CA signed
// (--tls-cert/--tls-key), the way a self-hosted Jira with a company CA does.
// With verifySsl on, the install works once the host trusts that CA
// (--tls-ca-file) and fails with an error naming the TLS cause when it does
// not; verifySsl off installs without trusting it.
#include <gtest/gtest.h>

#include <string>

#include "jira_e2e.h"
#include "support/json_helpers.h"
#include "support/tls_certificates.h"

namespace ih::e2e::jira {
namespace {

class JiraOverTlsE2E : public JiraE2ETest {
 protected:
  void SetUp() override {
    tls_ = ih::testing::writeTlsFiles(dir_, "jira", "localhost");
    mockArgs_ = {"--tls-cert", tls_.serverCertificate, "--tls-key", tls_.serverPrivateKey};
  }

  // Steps 1 and 2 of the install with this verifySsl; returns step 2's reply,
  // or step 1's when it fails.
  Reply installWith(bool verifySsl) {
    const std::string pipelineId = initialize("acme").str("pipelineId");
    Reply step1 = api_->submitInstallStep("acme", pipelineId, oauthInstallForm(jira_->baseUrl(), verifySsl));
    if (step1.status != 200) return step1;
    const std::string oauthUrl = ih::testing::jsonString(step1.json, "/data/oauthUrl");
    auto [token, verifier] = approve(oauthUrl.substr(oauthUrl.find("oauth_token=") + 12), "alice");
    return completeByApi("acme", pipelineId, R"({"oauthToken":")" + token + "\"}");
  }

  ih::testing::TlsFiles tls_;
};

TEST_F(JiraOverTlsE2E, InstallsWithVerificationOnOnceTheHostTrustsJirasCa) {
  hostArgs_ = {"--tls-ca-file", tls_.caCertificate};
  start();
  ASSERT_EQ(jira_->baseUrl().rfind("https://localhost:", 0), 0u) << jira_->baseUrl();
  createOrg("acme");
  Reply installed = installWith(true);
  ASSERT_EQ(installed.status, 200) << installed.describe();
  EXPECT_EQ(webhookCount(), 1u) << "serverInfo and the webhook went over TLS too";
  EXPECT_FALSE(integrationIdOf("acme").empty());
  EXPECT_NE(host_->process().stderrText().find("outbound https also trusts the CAs in"), std::string::npos);
}

TEST_F(JiraOverTlsE2E, AnUntrustedCertificateStopsTheInstallWithATlsError) {
  start();
  createOrg("acme");
  Reply refused = installWith(true);
  EXPECT_EQ(refused.status, 400) << refused.describe();
  // Sentry's text, plus the cause the host reported (ABI 1.1).
  EXPECT_NE(refused.body.find("Could not fetch a request token from Jira. Unable to reach host: localhost:"),
            std::string::npos)
      << refused.describe();
  EXPECT_NE(refused.body.find("(TLS: "), std::string::npos) << refused.describe();
  EXPECT_NE(refused.body.find("certificate verify failed)"), std::string::npos) << refused.describe();
  EXPECT_TRUE(integrationIdOf("acme").empty());
  EXPECT_EQ(webhookCount(), 0u);
}

TEST_F(JiraOverTlsE2E, VerificationOffInstallsWithoutTrustingTheCa) {
  start();
  createOrg("acme");
  Reply installed = installWith(false);
  ASSERT_EQ(installed.status, 200) << installed.describe();
  EXPECT_EQ(webhookCount(), 1u);
}

TEST_F(JiraOverTlsE2E, AHostGivenAnUnusableCaFileRefusesToStart) {
  const std::string notPem = dir_.write("not-a-ca.pem", "hello\n");
  std::string stderrText;
  const int code = HostProcess::runToExit({"--port", "0", "--data-dir", dir_.path() + "/data", "--tls-ca-file", notPem},
                                          &stderrText);
  EXPECT_EQ(code, 64) << stderrText;
  EXPECT_NE(stderrText.find("invalid value for --tls-ca-file"), std::string::npos) << stderrText;
}

}  // namespace
}  // namespace ih::e2e::jira
