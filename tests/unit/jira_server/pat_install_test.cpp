// Installing with a personal access token: the form, the token check
// (GET /myself with Bearer), the webhook (shared registrar, re-install reuse)
// and the one-step completion; Bearer on every call, never logged.
#include "support/fake_crypto.h"
#include "support/outbound_fixtures.h"
#include "ihp/sdk/utf8.hpp"

namespace ih::jira::testing {
namespace {

using ::testing::_;
using ::testing::Return;

const std::string kToken = "pat-token-AbC123";
const std::string kMyselfUrl = api("/myself");
const std::string kServerInfoUrl = api("/serverInfo");
const std::string kWebhooksUrl = std::string(kBaseUrl) + "/rest/webhooks/1.0/webhook";
const std::string kPatExternalId = "jira.example.test:pat:alice";

std::string patForm(const std::string& token = kToken, const std::string& url = kBaseUrl) {
  ihp::sdk::json::JsonBuilder out;
  out.beginObject().field("authType", "pat").field("url", url).field("personalAccessToken", token).endObject();
  return out.str();
}

class PatInstallTest : public OutboundTest {
 protected:
  static CannedResponse alice() { return respond(200, jiraUser("alice", "Alice Admin", "alice@example.test")); }
  static CannedResponse webhookCreated() {
    return respond(201, R"({"name":"Issue Sync","self":")" + kWebhooksUrl + R"(/5"})");
  }
  // Jira's answer to the token check.
  void answerMyself(const CannedResponse& myself = alice()) { host.http.on("GET", kMyselfUrl, myself); }
  // Jira says it is 9.12.
  void answerServerInfo() {
    host.http.on("GET", kServerInfoUrl, respond(200, R"({"version":"9.12.0","versionNumbers":[9,12,0]})"));
  }
  // Jira's answer to the webhook creation.
  void answerWebhookCreation(const CannedResponse& created = webhookCreated()) {
    host.http.on("POST", kWebhooksUrl, created);
  }
  // A whole install: the token check, the version, the webhook creation.
  void script(const CannedResponse& myself = alice(), const CannedResponse& created = webhookCreated()) {
    answerMyself(myself);
    answerServerInfo();
    answerWebhookCreation(created);
  }
  Outcome install(const std::string& form = patForm()) { return plugin.pipelineStep(0, "{}", form); }
};

TEST_F(PatInstallTest, CompletesInOneStepWithBearerCredentials) {
  script();
  auto outcome = install();
  EXPECT_EQ(outcome.status, IHP_OK);
  ASSERT_EQ(outcome.reply.status, 201) << outcome.reply.body;
  EXPECT_FALSE(outcome.reply.pipelineState);
  auto built = parseJson(outcome.reply.body);
  EXPECT_EQ(jsonString(built, "externalId"), kPatExternalId);
  EXPECT_EQ(jsonString(built, "name"), "alice@jira.example.test");
  EXPECT_EQ(jsonString(built, "credentials/auth_type"), "pat");
  EXPECT_EQ(jsonString(built, "credentials/personal_access_token"), kToken);
  EXPECT_FALSE(jsonHas(built, "credentials/private_key"));
  EXPECT_EQ(jsonString(built, "metadata/base_url"), kBaseUrl);
  EXPECT_EQ(jsonString(built, "metadata/domain_name"), "jira.example.test");
  EXPECT_TRUE(built["metadata"]["verify_ssl"].GetBool());
  EXPECT_EQ(jsonString(built, "metadata/webhook_id"), "5");
  EXPECT_EQ(jsonString(built, "metadata/webhook_api"), "legacy");
  EXPECT_EQ(jsonString(built, "metadata/webhook_secret").size(), 64u);
}

// The name is the Jira user at the host; a long one is cut to the host's 200
// characters (never mid-character) rather than refused after the webhook exists.
TEST_F(PatInstallTest, ALongJiraUserNameIsCutToTheHostsLimit) {
  std::string longName;
  for (int i = 0; i < 250; ++i) longName += "\xc3\xa9";  // é, two bytes
  script(respond(200, jiraUser(longName, "Long", "long@example.test")));
  auto outcome = install();
  ASSERT_EQ(outcome.reply.status, 201) << outcome.reply.body;
  const std::string name = jsonString(parseJson(outcome.reply.body), "name");
  EXPECT_EQ(ihp::sdk::utf8::codePoints(name), 200u);
  EXPECT_TRUE(ihp::sdk::utf8::isValid(name));
  EXPECT_EQ(name.substr(0, 4), "\xc3\xa9\xc3\xa9");
}

TEST_F(PatInstallTest, EveryCallUsesTheBearerToken) {
  script();
  EXPECT_CALL(host, oauth1Sign(_)).Times(0);
  install();
  ASSERT_EQ(host.http.requests().size(), 3u);
  for (const auto& request : host.http.requests()) {
    EXPECT_EQ(request.header("Authorization"), "Bearer " + kToken) << request.url;
  }
  expectNeverLogged(kToken);
}

TEST_F(PatInstallTest, TheWebhookUrlCarriesATokenForThePatExternalId) {
  script();
  install();
  auto posted = parseJson(host.http.requestsTo("POST", kWebhooksUrl).at(0).body);
  const std::string url = jsonString(posted, "url");
  const std::string prefix = std::string(kPublicUrl) + "/extensions/jira-server/issue-updated/";
  ASSERT_EQ(url.rfind(prefix, 0), 0u) << url;
  auto claims = peekJwtClaims(url.substr(prefix.size(), url.size() - prefix.size() - 1));
  ASSERT_TRUE(claims);
  EXPECT_EQ(*claims, R"({"id":"jira.example.test:pat:alice"})");
}

TEST_F(PatInstallTest, ARejectedTokenIsA400Detail) {
  answerMyself(respond(401, R"({"message":"Client must be authenticated","status-code":401})"));
  auto outcome = install();
  EXPECT_EQ(outcome.reply.status, 400);
  EXPECT_EQ(jsonString(parseJson(outcome.reply.body), "detail"),
            "Could not authenticate to Jira with the personal access token.");
  EXPECT_EQ(host.http.count("POST", kWebhooksUrl), 0u);
}

TEST_F(PatInstallTest, AnUnreachableJiraIsA400Detail) {
  answerMyself(transportFailure(IHP_E_UNREACHABLE));
  EXPECT_EQ(jsonString(parseJson(install().reply.body), "detail"),
            "Could not connect to Jira. Unable to reach host: jira.example.test");
  answerMyself(respond(500, "boom"));
  EXPECT_EQ(jsonString(parseJson(install().reply.body), "detail"),
            "Could not connect to Jira. Jira answered HTTP 500.");
}

TEST_F(PatInstallTest, FormErrorsUseTheOAuthFormsMessages) {
  auto outcome = install(patForm("  ", "not a url"));
  EXPECT_EQ(outcome.reply.status, 400);
  auto errors = parseJson(outcome.reply.body);
  EXPECT_STREQ(errors["personalAccessToken"][0].GetString(), "This field is required.");
  EXPECT_STREQ(errors["url"][0].GetString(), "Enter a valid URL.");
  EXPECT_TRUE(host.http.requests().empty());
}

TEST_F(PatInstallTest, WebhookFailureStoresNothing) {
  script(respond(200, jiraUser("alice", "Alice Admin")),
         respond(403, R"({"messages":[{"key":"You do not have permission to create WebHook 'Issue Sync'."}]})"));
  auto outcome = install();
  EXPECT_EQ(outcome.reply.status, 400);
  EXPECT_EQ(jsonString(parseJson(outcome.reply.body), "detail"),
            "Could not create issue webhook in Jira. You do not have permission to create WebHook 'Issue Sync'.");
}

TEST_F(PatInstallTest, ReinstallReusesTheStoredSecretAndTheLiveWebhook) {
  MetadataSpec spec;
  spec.webhookId = "5";
  ON_CALL(host, integrationFind(kPatExternalId))
      .WillByDefault(Return(ok(integrationRecord(kIntegrationId, kPatExternalId, "active", metadataJson(spec)))));
  const std::string url = std::string(kPublicUrl) + "/extensions/jira-server/issue-updated/" +
                          makeHs256Jwt(R"({"id":"jira.example.test:pat:alice"})", kWebhookSecret) + "/";
  answerMyself();
  answerServerInfo();
  host.http.on("GET", kWebhooksUrl + "/5",
               respond(200, R"({"self":")" + kWebhooksUrl + R"(/5","url":")" + url + "\"}"));
  auto outcome = install();
  ASSERT_EQ(outcome.reply.status, 201) << outcome.reply.body;
  EXPECT_EQ(jsonString(parseJson(outcome.reply.body), "metadata/webhook_secret"), kWebhookSecret);
  EXPECT_EQ(host.http.count("POST", kWebhooksUrl), 0u);
}

// The host's public URL changed since the last install: Jira's webhook still
// points at the old one. A new webhook is made for the new URL and the old one
// deleted, so Jira does not deliver every event twice.
TEST_F(PatInstallTest, AReinstallForANewUrlReplacesThePreviousWebhook) {
  MetadataSpec spec;
  spec.webhookId = "5";
  ON_CALL(host, integrationFind(kPatExternalId))
      .WillByDefault(Return(ok(integrationRecord(kIntegrationId, kPatExternalId, "active", metadataJson(spec)))));
  script(alice(), respond(201, R"({"name":"Issue Sync","self":")" + kWebhooksUrl + R"(/6"})"));
  host.http.on("GET", kWebhooksUrl + "/5",
               respond(200, R"({"self":")" + kWebhooksUrl + R"(/5","url":"http://old.example.test/hook/"})"));
  host.http.on("DELETE", kWebhooksUrl + "/5", respond(204));
  auto outcome = install();
  ASSERT_EQ(outcome.reply.status, 201) << outcome.reply.body;
  EXPECT_EQ(host.http.count("POST", kWebhooksUrl), 1u);
  EXPECT_EQ(host.http.count("DELETE", kWebhooksUrl + "/5"), 1u);
  EXPECT_EQ(jsonString(parseJson(outcome.reply.body), "metadata/webhook_id"), "6");
  EXPECT_TRUE(host.anyLogContains("webhook 5 was deleted"));
}

TEST_F(PatInstallTest, OAuthRemainsTheDefaultAndUnknownAuthTypesAreRefused) {
  auto unknown = install(R"({"authType":"basic","url":"https://jira.example.test"})");
  EXPECT_EQ(unknown.reply.status, 400);
  EXPECT_TRUE(jsonHas(parseJson(unknown.reply.body), "authType"));
  // No authType, or "oauth1": the OAuth form, which wants a consumer key.
  for (const char* form :
       {R"({"url":"https://jira.example.test"})", R"({"authType":"oauth1","url":"https://jira.example.test"})"}) {
    auto oauth = install(form);
    EXPECT_EQ(oauth.reply.status, 400);
    EXPECT_TRUE(jsonHas(parseJson(oauth.reply.body), "consumerKey")) << form;
  }
}

}  // namespace
}  // namespace ih::jira::testing
