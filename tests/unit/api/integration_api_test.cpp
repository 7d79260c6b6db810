// Integrations of an organization over HTTP: list/get through config_view,
// PUT through config_update (field errors pass through), DELETE, roles.
#include <gtest/gtest.h>

#include "api_test_host.h"

namespace ih::test {
namespace {

class IntegrationApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    acme = host.seedAcme();
    host.enablePlugin("acme", "api_test");
    integrationId = std::to_string(host.core().installIntegration(
        std::stoll(acme.orgId), "api_test", "ext-1", R"({"token":"cred-s3cr3t"})",
        R"({"domain_name":"tickets.test","webhook_secret":"hook-s3cr3t"})"));
    path = "/api/0/organizations/acme/integrations/" + integrationId + "/";
  }

  ApiTestHost host;
  ApiTestHost::Acme acme;
  std::string integrationId;
  std::string path;
};

TEST_F(IntegrationApiTest, MembersReadIntegrationsThroughConfigView) {
  ApiReply one = host.get(path, acme.memberToken);
  ASSERT_EQ(one.status, 200) << one.describe();
  EXPECT_EQ(one.body, R"({"id":")" + integrationId +
                          R"(","provider":{"key":"api_test","name":"API Test"},"name":"ext-1","externalId":"ext-1",)"
                          R"("domainName":"tickets.test","status":"active","config":{"viewed":true}})");
  ApiReply list = host.get("/api/0/organizations/acme/integrations/", acme.memberToken);
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.body, "[" + one.body + "]");
  EXPECT_EQ(list.body.find("s3cr3t"), std::string::npos);
  EXPECT_EQ(host.get("/api/0/organizations/acme/integrations/999999/", acme.memberToken).status, 404);
}

TEST_F(IntegrationApiTest, OwnersUpdateConfigThroughThePlugin) {
  EXPECT_EQ(host.put(path, R"({"config":{"sync_comments":true}})", acme.memberToken).status, 403);
  ApiReply updated = host.put(path, R"({"config":{"sync_comments":true}})", acme.ownerToken);
  ASSERT_EQ(updated.status, 200) << updated.describe();
  const auto& config = updated.json["config"];
  EXPECT_TRUE(config["sync_comments"].GetBool());
  EXPECT_TRUE(config["normalised"].GetBool());  // config_update's complete config was stored
  EXPECT_TRUE(config["viewed"].GetBool());

  ApiReply rejected = host.put(path, R"({"config":{"bad":1}})", acme.ownerToken);
  EXPECT_EQ(rejected.status, 400);
  EXPECT_EQ(rejected.body, R"({"bad":["Not allowed."]})");

  ApiReply notObject = host.put(path, R"({"config":[1]})", acme.ownerToken);
  EXPECT_EQ(notObject.status, 400);
  EXPECT_TRUE(notObject.json["config"].IsArray());
  EXPECT_EQ(host.put(path, R"({})", acme.ownerToken).status, 400);
}

TEST_F(IntegrationApiTest, OwnersUnlink) {
  EXPECT_EQ(host.call("DELETE", path, acme.memberToken.c_str()).status, 403);
  ApiReply deleted = host.call("DELETE", path, acme.ownerToken.c_str());
  EXPECT_EQ(deleted.status, 204);
  EXPECT_TRUE(deleted.body.empty());
  EXPECT_EQ(host.get(path, acme.ownerToken).status, 404);
  EXPECT_EQ(host.call("DELETE", path, acme.ownerToken.c_str()).status, 404);
}

TEST_F(IntegrationApiTest, AnotherOrganizationDoesNotSeeIt) {
  host.createOrganization("beta");
  EXPECT_EQ(host.get("/api/0/organizations/beta/integrations/" + integrationId + "/").status, 404);
  EXPECT_EQ(host.get("/api/0/organizations/beta/integrations/").body, "[]");
}

}  // namespace
}  // namespace ih::test
