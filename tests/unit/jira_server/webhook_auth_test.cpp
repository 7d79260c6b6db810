// The webhook route's authentication: the URL token, validated in Sentry's
// order (the host does the JWT crypto; here: order, 400, counters, logs), and
// the optional DC X-Hub-Signature on top of it.
#include "support/fake_crypto.h"
#include "support/plugin_test.h"

namespace ih::jira::testing {
namespace {

using ::testing::_;
using ::testing::InSequence;
using ::testing::Return;

const std::string kClaims = R"({"id":"jira.example.test:host-consumer"})";

class WebhookAuthTest : public PluginTest {
 protected:
  void SetUp() override { givenIntegration("active", {}); }

  void givenIntegration(const std::string& status, const MetadataSpec& metadata) {
    ON_CALL(host, integrationFind(std::string(kExternalId)))
        .WillByDefault(Return(ok(integrationRecord(kIntegrationId, kExternalId, status, metadataJson(metadata)))));
  }

  static std::string validToken() { return makeHs256Jwt(kClaims, kWebhookSecret); }

  std::string payload() const { return IssuePayload().changeAssignee().json(); }

  void expectRejected(const Outcome& outcome, const std::string& label, const std::string& reason,
                      const std::string& token) {
    EXPECT_EQ(outcome.status, IHP_OK);
    EXPECT_EQ(outcome.reply.status, 400);
    EXPECT_TRUE(outcome.reply.body.empty()) << outcome.reply.body;
    EXPECT_EQ(host.counter("webhook_invalid_token_total{reason=" + label + "}"), 1.0);
    bool warned = false;
    for (const auto& line : host.logs) {
      if (line.level == IHP_LOG_WARNING && line.message.find(reason) != std::string::npos) warned = true;
    }
    EXPECT_TRUE(warned) << "no warning with reason: " << reason;
    if (!token.empty()) {
      expectNeverLogged(token);
      expectNeverLogged(token.substr(token.rfind('.') + 1));  // not even the signature part
    }
  }
};

struct TokenCase {
  const char* name;
  std::string token;
  std::string label;
  std::string reason;
};

class InvalidTokens : public WebhookAuthTest, public ::testing::WithParamInterface<TokenCase> {};

TEST_P(InvalidTokens, AreRejectedWith400AndCounted) {
  EXPECT_CALL(host, syncAssigneeInbound(_)).Times(0);
  EXPECT_CALL(host, enqueue(_)).Times(0);
  auto outcome = plugin.webhook(GetParam().token, payload());
  expectRejected(outcome, GetParam().label, GetParam().reason, GetParam().token);
}

std::string tampered() {
  std::string token = makeHs256Jwt(kClaims, kWebhookSecret);
  size_t first = token.find('.');
  size_t second = token.find('.', first + 1);
  return token.substr(0, first + 1) + base64UrlEncode(R"({"id":"jira.example.test:host-consumer","x":1})") +
         token.substr(second);
}

INSTANTIATE_TEST_SUITE_P(
    Webhook, InvalidTokens,
    ::testing::Values(
        TokenCase{"Empty", "", "empty", "Token was empty"},
        TokenCase{"Garbage", "not-a-jwt", "decode", "Could not decode JWT token"},
        TokenCase{"TwoParts", "eyJhbGciOiJIUzI1NiJ9.eyJpZCI6IngifQ", "decode", "Could not decode JWT token"},
        TokenCase{"ClaimsNotJson", base64UrlEncode(R"({"alg":"HS256"})") + "." + base64UrlEncode("nope") + ".sig",
                  "decode", "Could not decode JWT token"},
        TokenCase{"NoId", makeHs256Jwt(R"({"sub":"x"})", kWebhookSecret), "missing_id", "Token did not contain `id`"},
        TokenCase{"NumericId", makeHs256Jwt(R"({"id":5})", kWebhookSecret), "missing_id",
                  "Token did not contain `id`"},
        TokenCase{"EmptyId", makeHs256Jwt(R"({"id":""})", kWebhookSecret), "missing_id", "Token did not contain `id`"},
        TokenCase{"UnknownId", makeHs256Jwt(R"({"id":"elsewhere:key"})", kWebhookSecret), "unknown_integration",
                  "Could not find integration for token"},
        TokenCase{"WrongSecret", makeHs256Jwt(kClaims, "not-the-secret"), "signature", "Could not validate JWT"},
        TokenCase{"AlgNone", makeJwt(R"({"alg":"none","typ":"JWT"})", kClaims, ""), "signature",
                  "Could not validate JWT"},
        TokenCase{"Rs256Header", makeJwt(R"({"alg":"RS256","typ":"JWT"})", kClaims, kWebhookSecret), "signature",
                  "Could not validate JWT"},
        TokenCase{"TamperedClaims", tampered(), "signature", "Could not validate JWT"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST_F(WebhookAuthTest, ValidationRunsInSentrysOrder) {
  const std::string token = validToken();
  {
    InSequence order;
    EXPECT_CALL(host, jwtPeekClaims(token));
    EXPECT_CALL(host, integrationFind(std::string(kExternalId)));
    EXPECT_CALL(host, jwtVerify(token, std::string(kWebhookSecret)));
  }
  EXPECT_EQ(plugin.webhook(token, payload()).reply.status, 200);
}

TEST_F(WebhookAuthTest, EmptyTokenStopsBeforeDecoding) {
  EXPECT_CALL(host, jwtPeekClaims(_)).Times(0);
  plugin.webhook("", payload());
}

TEST_F(WebhookAuthTest, UnknownIntegrationStopsBeforeVerifying) {
  EXPECT_CALL(host, jwtVerify(_, _)).Times(0);
  plugin.webhook(makeHs256Jwt(R"({"id":"elsewhere:key"})", kWebhookSecret), payload());
}

TEST_F(WebhookAuthTest, DisabledOrDeletingIntegrationsAcceptNothing) {
  for (const char* status : {"disabled", "pending_deletion"}) {
    host.counters.clear();
    givenIntegration(status, {});
    expectRejected(plugin.webhook(validToken(), payload()), "unknown_integration",
                   "Could not find integration for token", validToken());
  }
}

TEST_F(WebhookAuthTest, IntegrationWithoutASecretCannotValidate) {
  givenIntegration("active", MetadataSpec().secret(""));
  expectRejected(plugin.webhook(validToken(), payload()), "signature", "Could not validate JWT", validToken());
}

TEST_F(WebhookAuthTest, HostLookupFailureIsA500NotABadToken) {
  ON_CALL(host, integrationFind(_)).WillByDefault(Return(failed(IHP_E_INTERNAL)));
  auto outcome = plugin.webhook(validToken(), payload());
  EXPECT_EQ(outcome.reply.status, 500);
  EXPECT_TRUE(host.counters.empty());
}

TEST_F(WebhookAuthTest, ValidTokenRunsTheHandlers) {
  EXPECT_CALL(host, syncAssigneeInbound(_)).Times(1);
  auto outcome = plugin.webhook(validToken(), payload());
  EXPECT_EQ(outcome.status, IHP_OK);
  EXPECT_EQ(outcome.reply.status, 200);
  EXPECT_TRUE(host.counters.empty());
  expectNeverLogged(validToken());
}

// --- X-Hub-Signature (DC 10) -------------------------------------------------

class HubSignatureTest : public WebhookAuthTest {
 protected:
  void SetUp() override { givenIntegration("active", MetadataSpec().dcSecret(kDcSecret)); }
  Outcome deliver(const std::optional<std::string>& signature, const std::string& body) {
    Headers headers = {{"content-type", "application/json"}};
    if (signature) headers.emplace_back("x-hub-signature", *signature);
    return plugin.webhook(validToken(), body, headers);
  }
};

TEST_F(HubSignatureTest, ValidSignatureIsAcceptedInConstantTime) {
  const std::string body = payload();
  const std::string digest = fakeMacHex(kDcSecret, body);
  EXPECT_CALL(host, constantTimeEquals(digest, digest)).Times(1);
  EXPECT_CALL(host, syncAssigneeInbound(_)).Times(1);
  EXPECT_EQ(deliver("sha256=" + digest, body).reply.status, 200);
}

TEST_F(HubSignatureTest, SignatureOverAnotherBodyIsRejected) {
  EXPECT_CALL(host, syncAssigneeInbound(_)).Times(0);
  const std::string body = payload();
  auto outcome = deliver("sha256=" + fakeMacHex(kDcSecret, body + " "), body);
  expectRejected(outcome, "hub_signature", "X-Hub-Signature", validToken());
}

TEST_F(HubSignatureTest, SignatureWithAnotherSecretIsRejected) {
  const std::string body = payload();
  expectRejected(deliver("sha256=" + fakeMacHex("other", body), body), "hub_signature", "X-Hub-Signature", "");
}

TEST_F(HubSignatureTest, MalformedSignaturesAreRejectedWithoutComparing) {
  const std::string body = payload();
  const std::string digest = fakeMacHex(kDcSecret, body);
  std::string upper = digest;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_CALL(host, constantTimeEquals(_, _)).Times(0);
  for (const std::string& header : {"sha1=" + digest, "sha256=" + upper, "sha256=" + digest.substr(0, 63),
                                    "sha256=" + digest + "0", std::string("sha256=") + std::string(64, 'g'),
                                    digest, std::string()}) {
    host.counters.clear();
    auto outcome = deliver(header, body);
    EXPECT_EQ(outcome.reply.status, 400) << header;
    EXPECT_EQ(host.counter("webhook_invalid_token_total{reason=hub_signature}"), 1.0) << header;
  }
}

TEST_F(HubSignatureTest, AbsentHeaderIsAcceptedBecauseTheTokenAuthenticates) {
  EXPECT_CALL(host, syncAssigneeInbound(_)).Times(1);
  EXPECT_EQ(deliver(std::nullopt, payload()).reply.status, 200);
}

TEST_F(HubSignatureTest, HeaderIsNotCheckedWithoutADcSecret) {
  givenIntegration("active", {});
  EXPECT_CALL(host, hmacSha256(_, _)).Times(::testing::AnyNumber());
  EXPECT_CALL(host, hmacSha256(std::string(kDcSecret), _)).Times(0);
  EXPECT_EQ(deliver("sha256=whatever", payload()).reply.status, 200);
}

TEST_F(HubSignatureTest, SignatureNeverReplacesTheToken) {
  const std::string body = payload();
  auto outcome = plugin.webhook(makeHs256Jwt(kClaims, "wrong"), body,
                                {{"x-hub-signature", "sha256=" + fakeMacHex(kDcSecret, body)}});
  expectRejected(outcome, "signature", "Could not validate JWT", "");
}

}  // namespace
}  // namespace ih::jira::testing
