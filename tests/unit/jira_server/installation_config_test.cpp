// Pipeline step 1: the form's validation messages (all at once), URL
// normalisation, and the OAuth request-token leg with its failure messages.
#include "support/plugin_test.h"

namespace ih::jira::testing {
namespace {

using ::testing::_;
using ::testing::AllOf;
using ::testing::Field;
using ::testing::Optional;
using ::testing::Return;

const std::string kRequestTokenUrl = std::string(kBaseUrl) + "/plugins/servlet/oauth/request-token";

class InstallationConfigTest : public PluginTest {
 protected:
  // Jira hands out a request token.
  void answerRequestToken() {
    host.http.on("POST", kRequestTokenUrl,
                 respond(200, std::string("oauth_token=") + kRequestToken + "&oauth_token_secret=" + kRequestSecret));
  }
  Outcome step1(const std::string& input) { return plugin.pipelineStep(0, "{}", input); }
};

TEST_F(InstallationConfigTest, ValidFormAdvancesWithTheAuthorizeUrl) {
  answerRequestToken();
  auto outcome = step1(installForm());
  EXPECT_EQ(outcome.status, IHP_OK);
  ASSERT_EQ(outcome.reply.status, 200) << outcome.reply.body;
  auto body = parseJson(outcome.reply.body);
  EXPECT_EQ(jsonString(body, "oauthUrl"),
            std::string(kBaseUrl) + "/plugins/servlet/oauth/authorize?oauth_token=" + kRequestToken);
  EXPECT_EQ(outcome.reply.pipelineRef, std::optional<std::string>(kRequestToken));

  ASSERT_TRUE(outcome.reply.pipelineState);
  auto state = parseJson(*outcome.reply.pipelineState);
  EXPECT_EQ(jsonString(state, "installationData/url"), kBaseUrl);
  EXPECT_EQ(jsonString(state, "installationData/consumer_key"), kConsumerKey);
  EXPECT_EQ(jsonString(state, "installationData/private_key"), kPrivateKey);
  EXPECT_TRUE(jsonAt(state, "installationData/verify_ssl")->GetBool());
  EXPECT_EQ(jsonString(state, "requestToken/oauth_token"), kRequestToken);
  EXPECT_EQ(jsonString(state, "requestToken/oauth_token_secret"), kRequestSecret);
}

TEST_F(InstallationConfigTest, RequestTokenCallIsOneSignedPostWithoutTokenOrBody) {
  answerRequestToken();
  EXPECT_CALL(host, oauth1Sign(AllOf(Field(&OAuthSignCall::method, "POST"), Field(&OAuthSignCall::url, kRequestTokenUrl),
                                     Field(&OAuthSignCall::consumerKey, kConsumerKey),
                                     Field(&OAuthSignCall::privateKey, kPrivateKey),
                                     Field(&OAuthSignCall::token, std::nullopt),
                                     Field(&OAuthSignCall::verifier, std::nullopt))))
      .Times(1);
  step1(installForm());
  auto sent = host.http.requestsTo("POST", kRequestTokenUrl);
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_FALSE(sent[0].bodyPresent);
  EXPECT_EQ(sent[0].timeoutMs, 30000u);
  EXPECT_TRUE(sent[0].verifyTls);
}

TEST_F(InstallationConfigTest, UrlIsTrimmedAndTrailingSlashesStrippedKeepingTheContextPath) {
  answerRequestToken();
  auto outcome = step1(installForm("  https://jira.example.test/jira///  "));
  ASSERT_EQ(outcome.reply.status, 200) << outcome.reply.body;
  auto state = parseJson(*outcome.reply.pipelineState);
  EXPECT_EQ(jsonString(state, "installationData/url"), "https://jira.example.test/jira");
}

TEST_F(InstallationConfigTest, ConsumerKeyAndPrivateKeyAreTrimmed) {
  answerRequestToken();
  auto outcome = step1(installForm(kBaseUrl, "  host-consumer \n", std::string("\n") + kPrivateKey + "\n\n"));
  ASSERT_EQ(outcome.reply.status, 200) << outcome.reply.body;
  auto state = parseJson(*outcome.reply.pipelineState);
  EXPECT_EQ(jsonString(state, "installationData/consumer_key"), kConsumerKey);
  EXPECT_EQ(jsonString(state, "installationData/private_key"), kPrivateKey);
}

TEST_F(InstallationConfigTest, VerifySslFalseAppliesToTheRequestTokenCall) {
  answerRequestToken();
  auto outcome = step1(R"({"url":"https://jira.example.test/jira","consumerKey":"host-consumer","privateKey":")" +
                       std::string("-----BEGIN RSA PRIVATE KEY-----\\nMII\\n-----END RSA PRIVATE KEY-----") +
                       R"(","verifySsl":false})");
  ASSERT_EQ(outcome.reply.status, 200) << outcome.reply.body;
  EXPECT_FALSE(host.http.requestsTo("POST", kRequestTokenUrl).at(0).verifyTls);
  EXPECT_FALSE(jsonAt(parseJson(*outcome.reply.pipelineState), "installationData/verify_ssl")->GetBool());
}

struct FieldCase {
  const char* name;
  std::string input;
  std::string field;
  std::string message;
};

class InstallationFormMessages : public InstallationConfigTest, public ::testing::WithParamInterface<FieldCase> {};

TEST_P(InstallationFormMessages, AnswersTheFieldError) {
  auto outcome = step1(GetParam().input);
  EXPECT_EQ(outcome.status, IHP_OK);
  ASSERT_EQ(outcome.reply.status, 400);
  auto body = parseJson(outcome.reply.body);
  const auto* messages = jsonAt(body, GetParam().field);
  ASSERT_NE(messages, nullptr) << outcome.reply.body;
  ASSERT_TRUE(messages->IsArray());
  EXPECT_EQ(std::string((*messages)[0].GetString()), GetParam().message);
  EXPECT_FALSE(outcome.reply.pipelineState);
  EXPECT_TRUE(host.http.requests().empty()) << "no Jira call for an invalid form";
}

const std::string kKey = R"("privateKey":"-----BEGIN PRIVATE KEY-----\nMII\n-----END PRIVATE KEY-----")";

INSTANTIATE_TEST_SUITE_P(
    Step1, InstallationFormMessages,
    ::testing::Values(
        FieldCase{"UrlMissing", R"({"consumerKey":"k",)" + kKey + "}", "url", "This field is required."},
        FieldCase{"UrlBlank", R"({"url":"   ","consumerKey":"k",)" + kKey + "}", "url", "This field is required."},
        FieldCase{"UrlNull", R"({"url":null,"consumerKey":"k",)" + kKey + "}", "url", "This field is required."},
        FieldCase{"UrlNotAString", R"({"url":42,"consumerKey":"k",)" + kKey + "}", "url", "Not a valid string."},
        FieldCase{"UrlWithoutScheme", R"({"url":"jira.example.test","consumerKey":"k",)" + kKey + "}", "url",
                  "Enter a valid URL."},
        FieldCase{"UrlBadScheme", R"({"url":"javascript://jira.example.test","consumerKey":"k",)" + kKey + "}", "url",
                  "Enter a valid URL."},
        FieldCase{"UrlWithoutHost", R"({"url":"https://","consumerKey":"k",)" + kKey + "}", "url",
                  "Enter a valid URL."},
        FieldCase{"UrlNamingAUser",
                  R"({"url":"https://jdoe:hunter2@jira.example.test","consumerKey":"k",)" + kKey + "}", "url",
                  "Enter the URL without a user name or password: the integration signs in with OAuth or a personal "
                  "access token."},
        FieldCase{"ConsumerKeyMissing", R"({"url":"https://jira.example.test",)" + kKey + "}", "consumerKey",
                  "This field is required."},
        FieldCase{"ConsumerKeyTooLong",
                  R"({"url":"https://jira.example.test","consumerKey":")" + std::string(201, 'k') + "\"," + kKey + "}",
                  "consumerKey", "Ensure this field has no more than 200 characters."},
        FieldCase{"PrivateKeyMissing", R"({"url":"https://jira.example.test","consumerKey":"k"})", "privateKey",
                  "This field is required."},
        FieldCase{"PrivateKeyNotPem",
                  R"({"url":"https://jira.example.test","consumerKey":"k","privateKey":"ssh-rsa AAAA"})", "privateKey",
                  "Private key must be a valid SSH private key encoded in a PEM format."},
        FieldCase{
            "PrivateKeyEncrypted",
            R"({"url":"https://jira.example.test","consumerKey":"k","privateKey":"-----BEGIN ENCRYPTED PRIVATE KEY-----\nx\n-----END ENCRYPTED PRIVATE KEY-----"})",
            "privateKey", "Private key must be a valid SSH private key encoded in a PEM format."},
        FieldCase{"VerifySslNotBoolean",
                  R"({"url":"https://jira.example.test","consumerKey":"k",)" + kKey + R"(,"verifySsl":"yes"})",
                  "verifySsl", "Must be a valid boolean."}),
    [](const auto& info) { return std::string(info.param.name); });

TEST_F(InstallationConfigTest, ConsumerKeyOfExactly200CharactersIsAccepted) {
  answerRequestToken();
  auto outcome = step1(installForm(kBaseUrl, std::string(200, 'k')));
  EXPECT_EQ(outcome.reply.status, 200) << outcome.reply.body;
}

TEST_F(InstallationConfigTest, EveryInvalidFieldIsReportedAtOnce) {
  auto outcome = step1(R"({"url":"nope","consumerKey":")" + std::string(201, 'k') +
                       R"(","privateKey":"garbage","verifySsl":1})");
  ASSERT_EQ(outcome.reply.status, 400);
  auto body = parseJson(outcome.reply.body);
  EXPECT_EQ(body.MemberCount(), 4u) << outcome.reply.body;
  for (const char* field : {"url", "consumerKey", "privateKey", "verifySsl"}) EXPECT_TRUE(jsonHas(body, field)) << field;
}

TEST_F(InstallationConfigTest, PrivateKeyIsCheckedByTheHost) {
  EXPECT_CALL(host, privateKeyCheck(std::string(kPrivateKey))).WillOnce(Return(IHP_E_INVALID));
  auto outcome = step1(installForm());
  EXPECT_EQ(outcome.reply.status, 400);
  EXPECT_EQ(outcome.reply.body,
            R"({"privateKey":["Private key must be a valid SSH private key encoded in a PEM format."]})");
}

TEST_F(InstallationConfigTest, NonObjectBodyIsADetailError) {
  auto outcome = step1("[1,2]");
  EXPECT_EQ(outcome.reply.status, 400);
  EXPECT_EQ(jsonString(parseJson(outcome.reply.body), "detail"), "Expected a JSON object.");
}

struct RequestTokenFailure {
  const char* name;
  CannedResponse response;
  std::string detail;
};

class RequestTokenFailures : public InstallationConfigTest,
                             public ::testing::WithParamInterface<RequestTokenFailure> {};

TEST_P(RequestTokenFailures, AnswerSentrysMessage) {
  HttpScript& script = host.http;
  script.on("POST", kRequestTokenUrl, GetParam().response);
  auto outcome = step1(installForm());
  EXPECT_EQ(outcome.status, IHP_OK);
  ASSERT_EQ(outcome.reply.status, 400);
  EXPECT_EQ(jsonString(parseJson(outcome.reply.body), "detail"), GetParam().detail);
  EXPECT_FALSE(outcome.reply.pipelineState);
  // One attempt only: a retry would reuse the OAuth nonce.
  EXPECT_EQ(host.http.count("POST", kRequestTokenUrl), 1u);
}

INSTANTIATE_TEST_SUITE_P(
    Step1, RequestTokenFailures,
    ::testing::Values(
        RequestTokenFailure{"Http503KeepsTheBody", respond(503, "oauth_problem=service_unavailable"),
                            "Could not fetch a request token from Jira. oauth_problem=service_unavailable"},
        RequestTokenFailure{"Http401KeepsTheBody", respond(401, "oauth_problem=consumer_key_unknown"),
                            "Could not fetch a request token from Jira. oauth_problem=consumer_key_unknown"},
        RequestTokenFailure{"Unreachable", transportFailure(IHP_E_UNREACHABLE),
                            "Could not fetch a request token from Jira. Unable to reach host: jira.example.test"},
        RequestTokenFailure{"Timeout", transportFailure(IHP_E_TIMEOUT),
                            "Could not fetch a request token from Jira. Timed out attempting to reach host: "
                            "jira.example.test"},
        RequestTokenFailure{"Reset", transportFailure(IHP_E_RESET),
                            "Could not fetch a request token from Jira. Connection reset by peer"},
        RequestTokenFailure{"MissingToken", respond(200, "oauth_token_secret=s3cr3tvalue"), "Missing oauth_token"},
        RequestTokenFailure{"MissingSecret", respond(200, "oauth_token=t0kenvalue"), "Missing oauth_token"},
        RequestTokenFailure{"EmptyToken", respond(200, "oauth_token=&oauth_token_secret=s3cr3tvalue"),
                            "Missing oauth_token"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST_F(InstallationConfigTest, MissingTokenLogsKeyNamesButNeverValues) {
  HttpScript& script = host.http;
  script.on("POST", kRequestTokenUrl, respond(200, "oauth_token_secret=s3cr3tvalue&oauth_problem=odd"));
  step1(installForm());
  EXPECT_TRUE(host.anyLogContains("oauth_token_secret"));
  EXPECT_TRUE(host.anyLogContains("oauth_problem"));
  expectNeverLogged("s3cr3tvalue");
  expectNeverLogged(kPrivateKey);
}

TEST_F(InstallationConfigTest, NoSecretIsLoggedOnSuccess) {
  answerRequestToken();
  step1(installForm());
  expectNeverLogged(kRequestToken);
  expectNeverLogged(kRequestSecret);
  expectNeverLogged("MIIBfake");
  for (const auto& line : host.logs) EXPECT_EQ(line.message.find("OAuth oauth_"), std::string::npos);
}

}  // namespace
}  // namespace ih::jira::testing
