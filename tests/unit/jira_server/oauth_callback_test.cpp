// Pipeline step 2: the access-token leg, webhook creation on Jira 9.x and
// 10.x, what the completed install hands the host, and re-installs that reuse
// the webhook secret and the still-existing webhook.
#include "support/fake_crypto.h"
#include "support/plugin_test.h"

namespace ih::jira::testing {
namespace {

using ::testing::_;
using ::testing::AllOf;
using ::testing::Field;
using ::testing::Optional;
using ::testing::Return;

const std::string kAccessTokenUrl = std::string(kBaseUrl) + "/plugins/servlet/oauth/access-token";
const std::string kServerInfoUrl = std::string(kBaseUrl) + "/rest/api/2/serverInfo";
const std::string kLegacyUrl = std::string(kBaseUrl) + "/rest/webhooks/1.0/webhook";
const std::string kDcUrl = std::string(kBaseUrl) + "/rest/jira-webhook/1.0/webhooks";
const std::string kWebhookPrefix = std::string(kPublicUrl) + "/extensions/jira-server/issue-updated/";

std::string serverInfo(const std::string& version, int major) {
  return R"({"baseUrl":"https://jira.example.test/jira","version":")" + version + R"(","versionNumbers":[)" +
         std::to_string(major) + R"(,3,0],"deploymentType":"Server","serverTitle":"Jira"})";
}

class OAuthCallbackTest : public PluginTest {
 protected:
  // Jira trades the request token for an access token.
  void answerAccessToken() {
    host.http.on("POST", kAccessTokenUrl,
                 respond(200, std::string("oauth_token=") + kAccessToken + "&oauth_token_secret=" + kAccessSecret +
                                  "&oauth_expires_in=157680000&oauth_session_handle=h"));
  }
  // Jira says it is 9.12.
  void answerServerInfo() { host.http.on("GET", kServerInfoUrl, respond(200, serverInfo("9.12.0", 9))); }
  // Jira creates the legacy webhook.
  void answerLegacyWebhook() {
    host.http.on("POST", kLegacyUrl,
                 respond(201, R"({"name":"Issue Sync","self":")" + kLegacyUrl + R"(/5","enabled":true})"));
  }
  // A whole step 2 on Jira 9: the access token, the version, the legacy webhook.
  void answerAJira9Install() {
    answerAccessToken();
    answerServerInfo();
    answerLegacyWebhook();
  }

  Outcome step2(const std::string& input = std::string(R"({"oauthToken":")") + kRequestToken + "\"}",
                const std::string& state = pipelineStateJson()) {
    return plugin.pipelineStep(1, state, input);
  }

  static std::string tokenOf(const std::string& webhookUrl) {
    EXPECT_EQ(webhookUrl.rfind(kWebhookPrefix, 0), 0u) << webhookUrl;
    std::string token = webhookUrl.substr(kWebhookPrefix.size());
    EXPECT_EQ(token.back(), '/');
    token.pop_back();
    return token;
  }

  void useJira10() {
    host.http.clear();
    HttpScript& fresh = host.http;
    fresh.on("POST", kAccessTokenUrl, respond(200, std::string("oauth_token=") + kAccessToken +
                                                      "&oauth_token_secret=" + kAccessSecret));
    fresh.on("GET", kServerInfoUrl, respond(200, serverInfo("10.3.0", 10)));
    fresh.on("POST", kDcUrl, respond(201, R"({"id":42,"name":"Issue Sync","active":true})"));
  }

  void givenPreviousInstall(const std::string& status, const MetadataSpec& metadata) {
    ON_CALL(host, integrationFind(std::string(kExternalId)))
        .WillByDefault(Return(ok(integrationRecord(kIntegrationId, kExternalId, status, metadataJson(metadata)))));
  }
};

TEST_F(OAuthCallbackTest, ApiShapeSendsTheOAuthTokenAsVerifier) {
  answerAJira9Install();
  EXPECT_CALL(host, oauth1Sign(_)).Times(::testing::AnyNumber());
  EXPECT_CALL(host, oauth1Sign(AllOf(Field(&OAuthSignCall::url, kAccessTokenUrl),
                                     Field(&OAuthSignCall::token, Optional(std::string(kRequestToken))),
                                     Field(&OAuthSignCall::verifier, Optional(std::string(kRequestToken))))))
      .Times(1);
  auto outcome = step2();
  EXPECT_EQ(outcome.reply.status, 201) << outcome.reply.body;
}

TEST_F(OAuthCallbackTest, BrowserCallbackPrefersOAuthVerifier) {
  answerAJira9Install();
  EXPECT_CALL(host, oauth1Sign(_)).Times(::testing::AnyNumber());
  EXPECT_CALL(host, oauth1Sign(AllOf(Field(&OAuthSignCall::url, kAccessTokenUrl),
                                     Field(&OAuthSignCall::verifier, Optional(std::string("ver-1"))))))
      .Times(1);
  auto outcome = step2(std::string(R"({"oauth_token":")") + kRequestToken + R"(","oauth_verifier":"ver-1"})");
  EXPECT_EQ(outcome.reply.status, 201) << outcome.reply.body;
}

TEST_F(OAuthCallbackTest, ApiShapeAcceptsAnExplicitVerifier) {
  answerAJira9Install();
  EXPECT_CALL(host, oauth1Sign(_)).Times(::testing::AnyNumber());
  EXPECT_CALL(host, oauth1Sign(AllOf(Field(&OAuthSignCall::url, kAccessTokenUrl),
                                     Field(&OAuthSignCall::verifier, Optional(std::string("ver-2"))))))
      .Times(1);
  EXPECT_EQ(step2(R"({"oauthToken":"x","oauthVerifier":"ver-2"})").reply.status, 201);
}

TEST_F(OAuthCallbackTest, EmptyVerifierFailsBeforeAnyRequest) {
  for (const char* input : {"{}", R"({"oauthToken":""})", "null"}) {
    auto outcome = step2(input);
    EXPECT_EQ(outcome.reply.status, 400) << input;
    EXPECT_EQ(jsonString(parseJson(outcome.reply.body), "detail"), "Missing OAuth token verifier");
  }
  EXPECT_TRUE(host.http.requests().empty());
}

TEST_F(OAuthCallbackTest, MissingStateFails) {
  auto outcome = step2(R"({"oauthToken":"t"})", "{}");
  EXPECT_EQ(outcome.reply.status, 400);
  EXPECT_EQ(jsonString(parseJson(outcome.reply.body), "detail"), "Missing installation_data");
}

TEST_F(OAuthCallbackTest, AccessTokenFailuresShowNoDetail) {
  for (const CannedResponse& response : {respond(401, "oauth_problem=token_rejected"),
                                         transportFailure(IHP_E_UNREACHABLE), respond(200, "oauth_token=only")}) {
    host.http.clear();
    HttpScript& script = host.http;
    script.on("POST", kAccessTokenUrl, response);
    auto outcome = step2();
    EXPECT_EQ(outcome.status, IHP_OK);
    EXPECT_EQ(outcome.reply.status, 400);
    EXPECT_EQ(outcome.reply.body, R"({"detail":"Could not fetch an access token from Jira"})");
    EXPECT_EQ(host.http.requests().size(), 1u) << "no webhook without an access token";
  }
}

TEST_F(OAuthCallbackTest, Jira9CreatesALegacyWebhookAndCompletes) {
  answerAJira9Install();
  auto outcome = step2();
  EXPECT_EQ(outcome.status, IHP_OK);
  ASSERT_EQ(outcome.reply.status, 201) << outcome.reply.body;
  auto built = parseJson(outcome.reply.body);
  EXPECT_EQ(jsonString(built, "externalId"), kExternalId);
  EXPECT_EQ(jsonString(built, "name"), kConsumerKey);
  EXPECT_EQ(jsonString(built, "metadata/base_url"), kBaseUrl);
  EXPECT_EQ(jsonString(built, "metadata/domain_name"), "jira.example.test");
  EXPECT_TRUE(jsonAt(built, "metadata/verify_ssl")->GetBool());
  EXPECT_EQ(jsonString(built, "metadata/webhook_id"), "5");
  EXPECT_EQ(jsonString(built, "metadata/webhook_api"), "legacy");
  EXPECT_FALSE(jsonHas(built, "metadata/dc_webhook_secret"));
  const std::string secret = jsonString(built, "metadata/webhook_secret");
  EXPECT_EQ(secret.size(), 64u);
  EXPECT_EQ(secret.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(jsonString(built, "credentials/auth_type"), "oauth1");
  EXPECT_EQ(jsonString(built, "credentials/consumer_key"), kConsumerKey);
  EXPECT_EQ(jsonString(built, "credentials/private_key"), kPrivateKey);
  EXPECT_EQ(jsonString(built, "credentials/access_token"), kAccessToken);
  EXPECT_EQ(jsonString(built, "credentials/access_token_secret"), kAccessSecret);

  auto posts = host.http.requestsTo("POST", kLegacyUrl);
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(posts[0].header("Content-Type"), "application/json");
  auto body = parseJson(posts[0].body);
  EXPECT_EQ(body.MemberCount(), 3u) << posts[0].body;
  EXPECT_EQ(jsonString(body, "name"), "Issue Sync");
  ASSERT_TRUE(jsonAt(body, "events")->IsArray());
  EXPECT_EQ(std::string((*jsonAt(body, "events"))[0].GetString()), "jira:issue_created");
  EXPECT_EQ(std::string((*jsonAt(body, "events"))[1].GetString()), "jira:issue_updated");

  // The URL's token is {"id": external id}, HS256 with the stored secret.
  std::string claims;
  ASSERT_EQ(verifyJwt(tokenOf(jsonString(body, "url")), secret, &claims), JwtVerdict::Valid);
  EXPECT_EQ(claims, R"({"id":"jira.example.test:host-consumer"})");
}

TEST_F(OAuthCallbackTest, JiraCallsAfterTheExchangeAreSignedWithTheAccessToken) {
  answerAJira9Install();
  step2();
  EXPECT_EQ(host.http.requests().size(), 3u);
  for (const auto& request : host.http.requests()) {
    if (request.url == kAccessTokenUrl) continue;
    EXPECT_NE(request.header("Authorization").find(std::string("oauth_token=\"") + kAccessToken), std::string::npos)
        << request.url;
    EXPECT_EQ(request.timeoutMs, 30000u);
  }
  // A fresh signature (nonce) for every request.
  std::set<std::string> authorizations;
  for (const auto& request : host.http.requests()) authorizations.insert(request.header("Authorization"));
  EXPECT_EQ(authorizations.size(), host.http.requests().size());
}

TEST_F(OAuthCallbackTest, VerifySslFromTheFormAppliesToEveryCall) {
  answerAJira9Install();
  step2(R"({"oauthToken":"t"})", pipelineStateJson(kBaseUrl, false));
  ASSERT_FALSE(host.http.requests().empty());
  for (const auto& request : host.http.requests()) EXPECT_FALSE(request.verifyTls) << request.url;
}

TEST_F(OAuthCallbackTest, Jira10CreatesADcWebhookWithADeliverySecret) {
  useJira10();
  auto outcome = step2();
  ASSERT_EQ(outcome.reply.status, 201) << outcome.reply.body;
  auto built = parseJson(outcome.reply.body);
  EXPECT_EQ(jsonString(built, "metadata/webhook_id"), "42");
  EXPECT_EQ(jsonString(built, "metadata/webhook_api"), "jira-webhook");
  const std::string dcSecret = jsonString(built, "metadata/dc_webhook_secret");
  EXPECT_EQ(dcSecret.size(), 64u);
  EXPECT_NE(dcSecret, jsonString(built, "metadata/webhook_secret"));

  EXPECT_EQ(host.http.count("POST", kLegacyUrl), 0u);
  auto posts = host.http.requestsTo("POST", kDcUrl);
  ASSERT_EQ(posts.size(), 1u);
  auto body = parseJson(posts[0].body);
  EXPECT_EQ(jsonString(body, "name"), "Issue Sync");
  EXPECT_TRUE(jsonAt(body, "active")->GetBool());
  EXPECT_EQ(jsonString(body, "configuration/SECRET"), dcSecret);
  EXPECT_EQ(jsonString(body, "configuration/EXCLUDE_BODY"), "false");
  EXPECT_EQ(jsonAt(body, "events")->Size(), 2u);
  EXPECT_EQ(verifyJwt(tokenOf(jsonString(body, "url")), jsonString(built, "metadata/webhook_secret"), nullptr),
            JwtVerdict::Valid);
}

TEST_F(OAuthCallbackTest, WebhookAnswered204HasNoId) {
  host.http.on("POST", kAccessTokenUrl, respond(200, "oauth_token=a&oauth_token_secret=b"));
  host.http.on("GET", kServerInfoUrl, respond(200, serverInfo("9.12.0", 9)));
  host.http.on("POST", kLegacyUrl, respond(204));
  auto outcome = step2();
  ASSERT_EQ(outcome.reply.status, 201) << outcome.reply.body;
  auto built = parseJson(outcome.reply.body);
  ASSERT_TRUE(jsonHas(built, "metadata/webhook_id"));
  EXPECT_TRUE(jsonAt(built, "metadata/webhook_id")->IsNull());
}

struct WebhookFailure {
  const char* name;
  bool failServerInfo;
  CannedResponse response;
  std::string detail;
};

class WebhookFailures : public OAuthCallbackTest, public ::testing::WithParamInterface<WebhookFailure> {};

TEST_P(WebhookFailures, FailTheInstallWithNothingBuilt) {
  host.http.on("POST", kAccessTokenUrl, respond(200, "oauth_token=a&oauth_token_secret=b"));
  if (GetParam().failServerInfo) {
    host.http.on("GET", kServerInfoUrl, GetParam().response);
  } else {
    host.http.on("GET", kServerInfoUrl, respond(200, serverInfo("9.12.0", 9)));
    host.http.on("POST", kLegacyUrl, GetParam().response);
  }
  auto outcome = step2();
  EXPECT_EQ(outcome.status, IHP_OK);
  ASSERT_EQ(outcome.reply.status, 400);
  EXPECT_EQ(jsonString(parseJson(outcome.reply.body), "detail"), GetParam().detail);
  if (GetParam().failServerInfo) {
    EXPECT_EQ(host.http.count("POST", kLegacyUrl), 0u);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Step2, WebhookFailures,
    ::testing::Values(
        WebhookFailure{"NonAdmin403", false,
                       respond(403, R"({"messages":[{"key":"You do not have permission to create WebHook 'Issue Sync'."}]})"),
                       "Could not create issue webhook in Jira. You do not have permission to create WebHook 'Issue "
                       "Sync'."},
        WebhookFailure{"RestErrorShape", false, respond(400, R"({"errorMessages":["Invalid URL"],"errors":{}})"),
                       "Could not create issue webhook in Jira. Invalid URL"},
        WebhookFailure{"NoDetails", false, respond(500, "<html>oops</html>"), "Could not create issue webhook in Jira."},
        WebhookFailure{"Unreachable", false, transportFailure(IHP_E_UNREACHABLE),
                       "Could not create issue webhook in Jira. Unable to reach host: jira.example.test"},
        WebhookFailure{"ServerInfo500", true, respond(500, "{}"), "Could not create issue webhook in Jira."},
        WebhookFailure{"ServerInfoTimeout", true, transportFailure(IHP_E_TIMEOUT),
                       "Could not create issue webhook in Jira. Timed out attempting to reach host: jira.example.test"},
        WebhookFailure{"ServerInfoWithoutVersion", true, respond(200, R"({"serverTitle":"Jira"})"),
                       "Could not create issue webhook in Jira. serverInfo did not contain a version"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST_F(OAuthCallbackTest, ServerInfoVersionStringIsAFallback) {
  HttpScript& fresh = host.http;
  fresh.on("POST", kAccessTokenUrl, respond(200, "oauth_token=a&oauth_token_secret=b"));
  fresh.on("GET", kServerInfoUrl, respond(200, R"({"version":"10.0.1"})"));
  fresh.on("POST", kDcUrl, respond(201, R"({"id":3})"));
  auto outcome = step2();
  ASSERT_EQ(outcome.reply.status, 201) << outcome.reply.body;
  EXPECT_EQ(jsonString(parseJson(outcome.reply.body), "metadata/webhook_id"), "3");
}

TEST_F(OAuthCallbackTest, ExternalIdIsCutTo64CharactersAndNameIsTheConsumerKey) {
  answerAJira9Install();
  const std::string longKey(200, 'c');
  std::string state = pipelineStateJson();
  state.replace(state.find(kConsumerKey), std::string(kConsumerKey).size(), longKey);
  auto outcome = step2(R"({"oauthToken":"t"})", state);
  ASSERT_EQ(outcome.reply.status, 201) << outcome.reply.body;
  auto built = parseJson(outcome.reply.body);
  EXPECT_EQ(jsonString(built, "externalId"), "jira.example.test:" + std::string(64 - 18, 'c'));
  EXPECT_EQ(jsonString(built, "name"), longKey);
}

TEST_F(OAuthCallbackTest, WebhookSecretComesFromTheHostsRandomBytes) {
  answerAJira9Install();
  EXPECT_CALL(host, randomBytes(32u)).Times(2).WillRepeatedly(Return(ok(std::string(32, '\x5e'))));
  auto outcome = step2();
  ASSERT_EQ(outcome.reply.status, 201);
  EXPECT_EQ(jsonString(parseJson(outcome.reply.body), "metadata/webhook_secret"), kWebhookSecret);
}

TEST_F(OAuthCallbackTest, RandomFailureIsAnInternalError) {
  answerAccessToken();
  ON_CALL(host, randomBytes(_)).WillByDefault(Return(failed(IHP_E_INTERNAL)));
  auto outcome = step2();
  EXPECT_NE(outcome.status, IHP_OK);
  EXPECT_NE(outcome.reply.status, 201);
}

TEST_F(OAuthCallbackTest, ReinstallReusesTheSecretAndTheExistingWebhook) {
  answerAccessToken();
  answerServerInfo();
  givenPreviousInstall("active", MetadataSpec().id("5"));
  const std::string url = kWebhookPrefix + makeHs256Jwt(R"({"id":"jira.example.test:host-consumer"})", kWebhookSecret) + "/";
  host.http.on("GET", kLegacyUrl + "/5", respond(200, R"({"name":"Issue Sync","url":")" + url + R"(","self":")" +
                                                          kLegacyUrl + R"(/5"})"));
  auto outcome = step2();
  ASSERT_EQ(outcome.reply.status, 201) << outcome.reply.body;
  auto built = parseJson(outcome.reply.body);
  EXPECT_EQ(jsonString(built, "metadata/webhook_secret"), kWebhookSecret);
  EXPECT_EQ(jsonString(built, "metadata/webhook_id"), "5");
  EXPECT_EQ(host.http.count("POST", kLegacyUrl), 0u) << "no duplicate webhook";
}

TEST_F(OAuthCallbackTest, ReinstallRecreatesAWebhookThatIsGoneWithTheSameSecret) {
  answerAJira9Install();
  givenPreviousInstall("active", MetadataSpec().id("5"));
  host.http.on("GET", kLegacyUrl + "/5", respond(404, R"({"messages":[{"key":"not found"}]})"));
  auto outcome = step2();
  ASSERT_EQ(outcome.reply.status, 201) << outcome.reply.body;
  auto posts = host.http.requestsTo("POST", kLegacyUrl);
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(verifyJwt(tokenOf(jsonString(parseJson(posts[0].body), "url")), kWebhookSecret, nullptr),
            JwtVerdict::Valid);
  EXPECT_EQ(jsonString(parseJson(outcome.reply.body), "metadata/webhook_secret"), kWebhookSecret);
}

TEST_F(OAuthCallbackTest, ReinstallRecreatesAWebhookPointingElsewhere) {
  answerAJira9Install();
  givenPreviousInstall("active", MetadataSpec().id("5"));
  host.http.on("GET", kLegacyUrl + "/5", respond(200, R"({"url":"https://old-host.example.test/x/","self":"s/5"})"));
  ASSERT_EQ(step2().reply.status, 201);
  EXPECT_EQ(host.http.count("POST", kLegacyUrl), 1u);
}

TEST_F(OAuthCallbackTest, ReinstallWithoutStoredWebhookIdCreatesOne) {
  answerAJira9Install();
  givenPreviousInstall("active", {});
  ASSERT_EQ(step2().reply.status, 201);
  EXPECT_EQ(host.http.count("POST", kLegacyUrl), 1u);
}

TEST_F(OAuthCallbackTest, ReinstallOfADisabledIntegrationGetsAFreshSecret) {
  answerAJira9Install();
  givenPreviousInstall("disabled", MetadataSpec().id("5"));
  auto outcome = step2();
  ASSERT_EQ(outcome.reply.status, 201);
  EXPECT_NE(jsonString(parseJson(outcome.reply.body), "metadata/webhook_secret"), kWebhookSecret);
  EXPECT_EQ(host.http.count("GET", kLegacyUrl + "/5"), 0u);
}

TEST_F(OAuthCallbackTest, ReinstallOnJira10ReusesTheDeliverySecret) {
  useJira10();
  givenPreviousInstall("active", MetadataSpec().dcSecret(kDcSecret).id("42").api("jira-webhook"));
  host.http.on("GET", kDcUrl + "/42", respond(404, "{}"));
  auto outcome = step2();
  ASSERT_EQ(outcome.reply.status, 201) << outcome.reply.body;
  auto posts = host.http.requestsTo("POST", kDcUrl);
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(jsonString(parseJson(posts[0].body), "configuration/SECRET"), kDcSecret);
  EXPECT_EQ(jsonString(parseJson(outcome.reply.body), "metadata/dc_webhook_secret"), kDcSecret);
}

TEST_F(OAuthCallbackTest, ReinstallAfterAnUpgradeDoesNotLookUpTheOldGenerationsId) {
  useJira10();
  givenPreviousInstall("active", MetadataSpec().id("5").api("legacy"));
  host.http.on("DELETE", kLegacyUrl + "/5", respond(204));
  ASSERT_EQ(step2().reply.status, 201);
  EXPECT_EQ(host.http.count("GET", kDcUrl + "/5"), 0u);
  EXPECT_EQ(host.http.count("POST", kDcUrl), 1u);
  EXPECT_EQ(host.http.count("DELETE", kLegacyUrl + "/5"), 1u)
      << "the old API's webhook would deliver every event again";
}

TEST_F(OAuthCallbackTest, ReinstallLookupFailureFailsTheInstall) {
  answerAccessToken();
  answerServerInfo();
  givenPreviousInstall("active", MetadataSpec().id("5"));
  host.http.on("GET", kLegacyUrl + "/5", respond(503, "{}"));
  auto outcome = step2();
  EXPECT_EQ(outcome.reply.status, 400);
  EXPECT_EQ(host.http.count("POST", kLegacyUrl), 0u);
}

TEST_F(OAuthCallbackTest, HostFailureReadingTheExistingIntegrationIsNotSwallowed) {
  answerAccessToken();
  ON_CALL(host, integrationFind(_)).WillByDefault(Return(failed(IHP_E_RETRY)));
  auto outcome = step2();
  EXPECT_EQ(outcome.status, IHP_E_RETRY);
  EXPECT_NE(outcome.reply.status, 201);
  EXPECT_EQ(host.http.count("POST", kLegacyUrl), 0u);
}

TEST_F(OAuthCallbackTest, NoSecretIsEverLogged) {
  answerAJira9Install();
  auto outcome = step2();
  auto built = parseJson(outcome.reply.body);
  for (const char* secret : {kAccessToken, kAccessSecret, kRequestToken, kRequestSecret, "MIIBfake"}) {
    expectNeverLogged(secret);
  }
  expectNeverLogged(jsonString(built, "metadata/webhook_secret"));
  for (const auto& line : host.logs) EXPECT_EQ(line.message.find("eyJ"), std::string::npos) << line.message;
}

}  // namespace
}  // namespace ih::jira::testing
