#include "jira_e2e.h"

#include <iostream>

#include "ihp/sdk/json.hpp"
#include "support/eventually.h"
#include "support/json_helpers.h"
#include "support/test_paths.h"

namespace ih::e2e::jira {

using ihp::sdk::json::JsonBuilder;

const ih::testing::RsaKeyPair& runKeys() {
  static const ih::testing::RsaKeyPair keys = ih::testing::generateRsaKeyPair();
  return keys;
}

std::string jiraSeed() {
  JsonBuilder seed;
  seed.beginObject().key("users").beginArray();
  seed.beginObject().field("name", "alice").field("key", "JIRAUSER10100").field("displayName", "Alice Admin")
      .field("emailAddress", "alice@example.test").field("active", true).field("admin", true).endObject();
  seed.beginObject().field("name", "bob").field("key", "JIRAUSER10200").field("displayName", "Bob Builder")
      .field("emailAddress", "bob@example.test").field("active", true).field("admin", false).endObject();
  seed.endArray();
  seed.key("consumers").beginArray().beginObject().field("consumerKey", kConsumerKey)
      .field("publicKey", runKeys().publicPem).endObject().endArray();
  seed.key("projects").beginArray();
  seed.beginObject().field("id", "10000").field("key", "OPS").field("name", "Operations").endObject();
  seed.beginObject().field("id", "10001").field("key", "APP").field("name", "Applications").endObject();
  seed.endArray();
  seed.key("statuses").beginArray();
  seed.beginObject().field("id", "1").field("name", "Open").field("category", "new").endObject();
  seed.beginObject().field("id", "3").field("name", "In Progress").field("category", "indeterminate").endObject();
  seed.beginObject().field("id", "10001").field("name", "Done").field("category", "done").endObject();
  seed.endArray();
  seed.key("transitions").beginArray();
  seed.beginObject().field("id", "11").field("name", "Start").field("to", "3").endObject();
  seed.beginObject().field("id", "31").field("name", "Finish").field("to", "10001").endObject();
  seed.endArray();
  seed.key("issues").beginArray();
  seed.beginObject().field("key", "OPS-1").field("project", "OPS").field("summary", "Disk full").field("status", "1")
      .nullField("assignee").endObject();
  seed.beginObject().field("key", "OPS-2").field("project", "OPS").field("summary", "Fan noise").field("status", "1")
      .nullField("assignee").endObject();
  seed.endArray().field("emailVisibility", true).endObject();
  return seed.str();
}

void JiraE2ETest::start(const std::string& jiraVersion) {
  jira_ = ih::testing::MockJiraProcess::start(jiraSeed(), {"--version", jiraVersion});
  HostLaunch launch;
  launch.dataDir = dir_.path() + "/data";
  launch.pluginsDir = ih::testing::pluginDir();
  launch.adminToken = kAdmin;
  host_ = std::make_unique<HostProcess>(launch);
}

void JiraE2ETest::TearDown() {
  if (!HasFailure()) return;
  if (host_) std::cerr << "--- host stderr:\n" << host_->process().stderrText();
  if (jira_) std::cerr << "--- mock-jira stderr:\n" << jira_->process().stderrText();
}

void JiraE2ETest::createOrg(const std::string& slug, bool enableJira) {
  Reply created = host_->post("/api/0/organizations/", R"({"slug":")" + slug + R"(","name":")" + slug + "\"}", kAdmin);
  ASSERT_EQ(created.status, 201) << created.describe();
  if (enableJira) {
    Reply enabled = host_->put("/api/0/organizations/" + slug + "/plugins/jira_server/", R"({"enabled":true})", kAdmin);
    ASSERT_EQ(enabled.status, 200) << enabled.describe();
  }
}

std::string JiraE2ETest::createUser(const std::string& email, bool verified) {
  JsonBuilder body;
  body.beginObject().field("email", email).field("name", email).key("emails").beginArray().beginObject()
      .field("email", email).field("verified", verified).endObject().endArray().endObject();
  Reply created = host_->post("/api/0/users/", body.str(), kAdmin);
  EXPECT_EQ(created.status, 201) << created.describe();
  return created.str("id");
}

void JiraE2ETest::addMember(const std::string& org, const std::string& userId, const std::string& role) {
  Reply added = host_->post("/api/0/organizations/" + org + "/members/",
                            R"({"userId":")" + userId + R"(","role":")" + role + "\"}", kAdmin);
  ASSERT_EQ(added.status, 201) << added.describe();
}

void JiraE2ETest::createProject(const std::string& org, const std::string& project, const std::string& team,
                                const std::string& memberId) {
  const std::string base = "/api/0/organizations/" + org;
  ASSERT_EQ(host_->post(base + "/teams/", R"({"slug":")" + team + "\"}", kAdmin).status, 201);
  ASSERT_EQ(host_->post(base + "/teams/" + team + "/members/", R"({"userId":")" + memberId + "\"}", kAdmin).status, 201);
  Reply created = host_->post(base + "/projects/", R"({"slug":")" + project + R"(","teams":[")" + team + "\"]}", kAdmin);
  ASSERT_EQ(created.status, 201) << created.describe();
}

std::string JiraE2ETest::createIssue(const std::string& org, const std::string& project, const std::string& title) {
  Reply created = host_->post("/api/0/projects/" + org + "/" + project + "/issues/", R"({"title":")" + title + "\"}",
                              kAdmin);
  EXPECT_EQ(created.status, 201) << created.describe();
  return created.str("id");
}

Reply JiraE2ETest::getIssue(const std::string& org, const std::string& issueId) {
  return host_->get("/api/0/organizations/" + org + "/issues/" + issueId + "/", kAdmin);
}

Reply JiraE2ETest::activities(const std::string& org, const std::string& issueId) {
  return host_->get("/api/0/organizations/" + org + "/issues/" + issueId + "/activities/", kAdmin);
}

Reply JiraE2ETest::initialize(const std::string& org) {
  return host_->post("/api/0/organizations/" + org + "/pipeline/integration/",
                     R"({"action":"initialize","provider":"jira_server"})", kAdmin);
}

std::string JiraE2ETest::submitInstallForm(const std::string& org, const std::string& pipelineId) {
  JsonBuilder form;
  form.beginObject().field("url", jira_->baseUrl()).field("consumerKey", kConsumerKey)
      .field("privateKey", runKeys().privatePkcs8Pem).field("verifySsl", true).endObject();
  Reply step1 = host_->post("/api/0/organizations/" + org + "/pipeline/integration/" + pipelineId + "/", form.str(),
                            kAdmin);
  EXPECT_EQ(step1.status, 200) << step1.describe();
  if (step1.status != 200) return {};
  EXPECT_EQ(step1.str("status"), "advance");
  const std::string oauthUrl = ih::testing::jsonString(step1.json, "/data/oauthUrl");
  const std::string expected = jira_->baseUrl() + "/plugins/servlet/oauth/authorize?oauth_token=";
  EXPECT_EQ(oauthUrl.rfind(expected, 0), 0u) << oauthUrl;
  return oauthUrl.substr(expected.size());
}

std::pair<std::string, std::string> JiraE2ETest::approve(const std::string& requestToken, const std::string& jiraUser) {
  auto approved = jira_->control("POST", "/_mock/oauth/approve",
                                 R"({"oauthToken":")" + requestToken + R"(","user":")" + jiraUser + "\"}");
  EXPECT_EQ(approved.status, 200) << approved.body;
  auto doc = ih::testing::parseJson(approved.body);
  return {ih::testing::jsonString(doc, "/oauth_token"), ih::testing::jsonString(doc, "/oauth_verifier")};
}

Reply JiraE2ETest::completeByApi(const std::string& org, const std::string& pipelineId, const std::string& body) {
  return host_->post("/api/0/organizations/" + org + "/pipeline/integration/" + pipelineId + "/", body, kAdmin);
}

ih::testing::HttpResponse JiraE2ETest::completeByCallback(const std::string& query) {
  return ih::testing::httpRequest("GET", host_->baseUrl() + "/extensions/jira_server/setup/?" + query);
}

Reply JiraE2ETest::install(const std::string& org, const std::string& jiraUser) {
  Reply initialized = initialize(org);
  EXPECT_EQ(initialized.status, 200) << initialized.describe();
  const std::string pipelineId = initialized.str("pipelineId");
  const std::string requestToken = submitInstallForm(org, pipelineId);
  auto [token, verifier] = approve(requestToken, jiraUser);
  return completeByApi(org, pipelineId, R"({"oauthToken":")" + token + "\"}");
}

std::string JiraE2ETest::integrationIdOf(const std::string& org) {
  Reply list = host_->get("/api/0/organizations/" + org + "/integrations/", kAdmin);
  EXPECT_EQ(list.status, 200) << list.describe();
  if (!list.json.IsArray() || list.json.Empty()) return {};
  return ih::testing::jsonString(list.json, "/0/id");
}

std::optional<Reply> JiraE2ETest::linkIssue(const std::string& org, const std::string& issueId,
                                            const std::string& integrationId, const std::string& key) {
  Reply linked = host_->post("/api/0/organizations/" + org + "/issues/" + issueId + "/integrations/" + integrationId + "/",
                             R"({"action":"link","externalIssue":")" + key + "\"}", kAdmin);
  if (linked.status != 201) return std::nullopt;
  return linked;
}

Reply JiraE2ETest::setConfig(const std::string& org, const std::string& integrationId, const std::string& configJson) {
  return host_->put("/api/0/organizations/" + org + "/integrations/" + integrationId + "/",
                    R"({"config":)" + configJson + "}", kAdmin);
}

rapidjson::Document JiraE2ETest::mockJson(const std::string& method, const std::string& path, const std::string& body) {
  auto response = jira_->control(method, path, body);
  EXPECT_EQ(response.status, 200) << method << " " << path << " -> " << response.body;
  return ih::testing::parseJson(response.body);
}

size_t JiraE2ETest::webhookCount() {
  auto hooks = mockJson("GET", "/_mock/webhooks");
  return hooks.IsArray() ? hooks.Size() : 0;
}

std::string JiraE2ETest::webhookUrl() {
  auto hooks = mockJson("GET", "/_mock/webhooks");
  if (!hooks.IsArray() || hooks.Empty()) return {};
  return ih::testing::jsonString(hooks, "/0/url");
}

rapidjson::Document JiraE2ETest::waitForDeliveries(size_t count) {
  rapidjson::Document deliveries;
  ih::testing::eventually(
      [&] {
        deliveries = mockJson("GET", "/_mock/deliveries");
        if (!deliveries.IsArray()) return false;
        size_t answered = 0;  // attempts that got a status or failed, not queued ones
        for (const auto& delivery : deliveries.GetArray()) {
          const bool status = delivery.HasMember("status") && delivery["status"].IsInt();
          const bool error = delivery.HasMember("error") && delivery["error"].IsString();
          if (status || error) ++answered;
        }
        return answered >= count;
      },
      std::chrono::seconds(5));
  return deliveries;
}

}  // namespace ih::e2e::jira
