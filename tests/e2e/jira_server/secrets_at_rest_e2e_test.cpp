// Secrets at rest, end to end: after a real install the database files hold
// neither webhook secret (the URL token's JWT secret nor Jira DC's signing
// secret), Jira's deliveries still pass and a token forged without the secret
// does not; and a database an older host left with the secrets in plaintext is
// re-sealed at start-up without breaking the webhook Jira already holds.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "auth/jwt.h"
#include "auth/secret_box.h"
#include "ihp/sdk/json.hpp"
#include "jira_e2e.h"
#include "storage/database.h"
#include "storage/query.h"
#include "support/http_client.h"
#include "support/json_helpers.h"

namespace ih::e2e::jira {
namespace {

namespace json = ihp::sdk::json;
using host::auth::SecretBox;

constexpr const char* kUnlinkedChangeBody =
    R"({"webhookEvent":"jira:issue_updated","issue":{"key":"OPS-1"},"changelog":{"items":[]}})";

class SecretsAtRestE2E : public JiraE2ETest {
 protected:
  std::string dataDir() const { return dir_.path() + "/data"; }

  std::unique_ptr<host::storage::Database> openDatabase() {
    return host::storage::Database::open("sqlite:" + dataDir() + "/host.db", {.maxConnections = 1});
  }

  // The metadata column of the only integration, as stored.
  std::string storedMetadata() {
    auto db = openDatabase();
    auto row = host::storage::Query(*db->begin(), "SELECT metadata FROM integrations").one();
    return row ? row->text(0) : std::string();
  }

  void writeMetadata(const std::string& metadata) {
    auto db = openDatabase();
    auto uow = db->begin();
    uow->beginWrite();
    host::storage::Query(*uow, "UPDATE integrations SET metadata = ?").bind(metadata).execute();
    uow->commit();
  }

  // Opened with the host's own key file, as the host opens it.
  std::string opened(const std::string& stored) {
    return SecretBox::fromKeyFile(dataDir() + "/secret-key").open(stored);
  }

  // Every byte of the database's files: the main file, and its WAL and
  // journal when there are any.
  std::string databaseFiles() {
    std::string bytes;
    for (const auto& entry : std::filesystem::directory_iterator(dataDir())) {
      if (entry.path().filename().string().rfind("host.db", 0) != 0) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      bytes.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return bytes;
  }

  std::string externalId() {
    Reply list = host_->get("/api/0/organizations/acme/integrations/", kAdmin);
    return ih::testing::jsonString(list.json, "/0/externalId");
  }

  int deliver(const std::string& token) {
    return ih::testing::httpRequest("POST", host_->baseUrl() + kWebhookPath + token + "/", kUnlinkedChangeBody)
        .status;
  }

  // Jira delivers a change; returns the host's answer to it.
  int64_t jiraDeliveryStatus(size_t deliveriesBefore) {
    const auto sent = jira_->control("POST", "/_mock/issues/OPS-1/assignee", R"({"assignee":"bob","actor":"alice"})");
    EXPECT_EQ(sent.status, 200);
    auto deliveries = waitForDeliveries(deliveriesBefore + 1);
    return ih::testing::jsonInt(deliveries, "/" + std::to_string(deliveriesBefore) + "/status");
  }
};

class SealedSecretsE2E : public SecretsAtRestE2E, public ::testing::WithParamInterface<std::string> {};

TEST_P(SealedSecretsE2E, NoWebhookSecretInTheDatabaseFilesAndDeliveriesStillCheck) {
  start(GetParam());
  createOrg("acme");
  ASSERT_EQ(install("acme").status, 200);

  const std::string stored = storedMetadata();
  ASSERT_TRUE(SecretBox::isSealed(stored)) << stored;
  json::Document metadata;
  ASSERT_TRUE(json::parseObject(opened(stored), metadata));
  const std::string secret = json::stringOr(metadata, "webhook_secret");
  const std::string dcSecret = json::stringOr(metadata, "dc_webhook_secret");
  ASSERT_GE(secret.size(), 32u);
  const bool signedDeliveries = GetParam().rfind("10.", 0) == 0;
  if (signedDeliveries) {
    ASSERT_GE(dcSecret.size(), 16u);
  }

  // Jira's deliveries, signed with the real secrets, pass; a token for the
  // same integration signed with anything else does not.
  EXPECT_EQ(jiraDeliveryStatus(0), 200);
  const std::string claims = R"({"id":")" + externalId() + R"("})";
  EXPECT_EQ(deliver(host::auth::jwtSignHs256(claims, "not-the-webhook-secret")), 400);
  if (!signedDeliveries) {
    EXPECT_EQ(deliver(host::auth::jwtSignHs256(claims, secret)), 200);
  }

  // Neither the API nor the logs show them.
  const std::string id = integrationIdOf("acme");
  for (const std::string& path : {std::string("/api/0/organizations/acme/integrations/"),
                                  "/api/0/organizations/acme/integrations/" + id + "/"}) {
    Reply answer = host_->get(path, kAdmin);
    ASSERT_EQ(answer.status, 200) << path;
    EXPECT_EQ(answer.body.find(secret), std::string::npos) << path;
    if (signedDeliveries) {
      EXPECT_EQ(answer.body.find(dcSecret), std::string::npos) << path;
    }
  }

  EXPECT_EQ(host_->process().stop(), 0);  // everything checkpointed into the main file
  const std::string logs = host_->process().stderrText() + host_->process().stdoutText();
  EXPECT_EQ(logs.find(secret), std::string::npos);
  const std::string files = databaseFiles();
  ASSERT_FALSE(files.empty());
  EXPECT_EQ(files.find(secret), std::string::npos) << "the webhook secret is in the database file";
  EXPECT_EQ(files.find("webhook_secret"), std::string::npos);
  if (signedDeliveries) {
    EXPECT_EQ(files.find(dcSecret), std::string::npos) << "the DC secret is in the database file";
  }
}

INSTANTIATE_TEST_SUITE_P(JiraVersions, SealedSecretsE2E, ::testing::Values("9.12.0", "10.3.0"),
                         [](const auto& info) { return info.param.rfind("9.", 0) == 0 ? "Jira9" : "Jira10"; });

TEST_F(SecretsAtRestE2E, PlaintextSecretsOfAnOlderHostAreResealedAtStartAndKeepWorking) {
  start("10.3.0");
  createOrg("acme");
  ASSERT_EQ(install("acme").status, 200);
  const std::string plaintext = opened(storedMetadata());
  json::Document metadata;
  ASSERT_TRUE(json::parseObject(plaintext, metadata));
  const std::string secret = json::stringOr(metadata, "webhook_secret");
  const std::string dcSecret = json::stringOr(metadata, "dc_webhook_secret");
  ASSERT_FALSE(secret.empty());
  ASSERT_FALSE(dcSecret.empty());

  // The database as a host before sealing left it.
  ASSERT_EQ(host_->process().stop(), 0);
  writeMetadata(plaintext);
  ASSERT_NE(databaseFiles().find(secret), std::string::npos) << "the test must see a plaintext secret when there is one";

  startHost();
  const std::string logs = host_->process().stderrText();
  EXPECT_NE(logs.find("sealed the metadata of 1 integration(s) stored in plaintext"), std::string::npos) << logs;
  const std::string resealed = storedMetadata();
  ASSERT_TRUE(SecretBox::isSealed(resealed)) << resealed;
  EXPECT_EQ(opened(resealed), plaintext);

  // The webhook Jira registered before the upgrade still delivers, signed.
  EXPECT_EQ(jiraDeliveryStatus(0), 200);

  ASSERT_EQ(host_->process().stop(), 0);
  const std::string files = databaseFiles();
  EXPECT_EQ(files.find(secret), std::string::npos) << "a plaintext copy survived the re-seal";
  EXPECT_EQ(files.find(dcSecret), std::string::npos) << "a plaintext copy survived the re-seal";
}

}  // namespace
}  // namespace ih::e2e::jira
