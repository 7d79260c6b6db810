// The OAuth 1.0a provider matrix, checked as a real Jira answers: problems in the body and
// in WWW-Authenticate, both verifier flows, token expiry, and the base string built from
// the configured base URL (context path and query included).
#include <ctime>

#include <gtest/gtest.h>

#include "auth/oauth1_signer.h"
#include "mock_jira_fixture.h"

namespace ih::testing {
namespace {

class OAuthProvider : public MockJiraTest {
 protected:
  void SetUp() override {
    withConsumer_ = true;
    startMock({"--context-path", "/jira"});
  }

  HttpResponse post(const std::string& servlet, const std::string& authorization) const {
    return httpRequest("POST", jiraUrl("/plugins/servlet/oauth/" + servlet), "", {{"Authorization", authorization}});
  }

  std::string requestToken() const {
    auto response = post("request-token", oauthHeader("POST", jiraUrl("/plugins/servlet/oauth/request-token")));
    EXPECT_EQ(response.status, 200) << response.body;
    return parseForm(response.body)["oauth_token"];
  }

  std::string approve(const std::string& token, const std::string& user = "alice") const {
    auto response = mock_->control("POST", "/_mock/oauth/approve", R"({"oauthToken":")" + token + R"(","user":")" + user + "\"}");
    EXPECT_EQ(response.status, 200) << response.body;
    return jsonString(parseJson(response.body), "/oauth_verifier");
  }

  HttpResponse exchange(const std::string& token, const std::string& verifier) const {
    return post("access-token", oauthHeader("POST", jiraUrl("/plugins/servlet/oauth/access-token"), token, verifier));
  }

  std::string accessToken(const std::string& user = "alice") {
    auto token = requestToken();
    auto response = exchange(token, approve(token, user));
    EXPECT_EQ(response.status, 200) << response.body;
    return parseForm(response.body)["oauth_token"];
  }

  HttpResponse myself(const std::string& authorization) const {
    return httpRequest("GET", jiraUrl("/rest/api/2/myself"), "", {{"Authorization", authorization}});
  }

  static std::string problemOf(const HttpResponse& response) { return parseForm(response.body)["oauth_problem"]; }
};

TEST_F(OAuthProvider, RequestTokenAnswersTokenAndSecretAsForm) {
  auto response = post("request-token", oauthHeader("POST", jiraUrl("/plugins/servlet/oauth/request-token")));
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.header("content-type"), "text/plain;charset=UTF-8");
  auto form = parseForm(response.body);
  EXPECT_FALSE(form["oauth_token"].empty());
  EXPECT_FALSE(form["oauth_token_secret"].empty());
}

TEST_F(OAuthProvider, UnknownConsumerIsRefusedWithProblemInBodyAndHeader) {
  auto header = host::auth::signOAuth1({"POST", jiraUrl("/plugins/servlet/oauth/request-token"), "stranger",
                                        consumerKeys().privatePkcs8Pem, "", ""});
  auto response = post("request-token", header);
  EXPECT_EQ(response.status, 401);
  EXPECT_EQ(response.body, "oauth_problem=consumer_key_unknown");
  EXPECT_EQ(response.header("www-authenticate"),
            "OAuth realm=\"" + std::string("http%3A%2F%2F127.0.0.1%3A") + std::to_string(mock_->process().port()) +
                "%2Fjira\", oauth_problem=\"consumer_key_unknown\"");
}

TEST_F(OAuthProvider, WrongKeyGivesSignatureInvalidEchoingTheBaseString) {
  auto other = generateRsaKeyPair();
  auto header = host::auth::signOAuth1({"POST", jiraUrl("/plugins/servlet/oauth/request-token"), kConsumerKey,
                                        other.privatePkcs1Pem, "", ""});
  auto response = post("request-token", header);
  EXPECT_EQ(response.status, 401);
  auto form = parseForm(response.body);
  EXPECT_EQ(form["oauth_problem"], "signature_invalid");
  EXPECT_NE(form["oauth_signature_base_string"].find("POST%26http%253A%252F%252F127.0.0.1"), std::string::npos);
  EXPECT_EQ(form["oauth_signature_method"], "RSA-SHA1");
  EXPECT_FALSE(form["oauth_signature"].empty());
}

TEST_F(OAuthProvider, MalformedHeadersNameTheirProblem) {
  const auto now = std::to_string(std::time(nullptr));
  auto crafted = [&](const std::string& method, const std::string& timestamp) {
    return "OAuth realm=\"x\", oauth_consumer_key=\"host-consumer\", oauth_nonce=\"n" + timestamp +
           "\", oauth_signature=\"c2ln\", oauth_signature_method=\"" + method + "\", oauth_timestamp=\"" + timestamp +
           "\", oauth_version=\"1.0\"";
  };
  EXPECT_EQ(problemOf(post("request-token", crafted("HMAC-SHA1", now))), "signature_method_rejected");
  EXPECT_EQ(problemOf(post("request-token", crafted("RSA-SHA1", std::to_string(std::time(nullptr) - 301)))),
            "timestamp_refused");
  auto absent = post("request-token", "OAuth oauth_consumer_key=\"host-consumer\"");
  EXPECT_EQ(problemOf(absent), "parameter_absent");
  EXPECT_NE(absent.body.find("oauth_parameters_absent="), std::string::npos);
}

TEST_F(OAuthProvider, ReplayedHeaderIsNonceUsed) {
  auto token = accessToken();
  auto header = oauthHeader("GET", jiraUrl("/rest/api/2/myself"), token);
  EXPECT_EQ(myself(header).status, 200);
  auto replayed = myself(header);
  EXPECT_EQ(replayed.status, 401);
  EXPECT_EQ(problemOf(replayed), "nonce_used");
}

TEST_F(OAuthProvider, AccessTokenBeforeApprovalIsPermissionUnknown) {
  auto token = requestToken();
  auto response = exchange(token, "whatever");
  EXPECT_EQ(response.status, 401);
  EXPECT_EQ(problemOf(response), "permission_unknown");
}

TEST_F(OAuthProvider, IssuedVerifierGivesAccessTokenActingAsApprover) {
  auto token = requestToken();
  auto response = exchange(token, approve(token, "bob"));
  ASSERT_EQ(response.status, 200) << response.body;
  auto form = parseForm(response.body);
  EXPECT_EQ(form["oauth_expires_in"], "157680000");
  EXPECT_EQ(form["oauth_authorization_expires_in"], "160272000");
  EXPECT_FALSE(form["oauth_session_handle"].empty());
  auto me = myself(oauthHeader("GET", jiraUrl("/rest/api/2/myself"), form["oauth_token"]));
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(jsonString(parseJson(me.body), "/name"), "bob");
  EXPECT_EQ(me.header("x-ausername"), "bob");
}

TEST_F(OAuthProvider, RequestTokenAsVerifierIsAcceptedLikeSentrysFlow) {
  auto token = requestToken();
  approve(token);
  auto response = exchange(token, token);
  EXPECT_EQ(response.status, 200) << response.body;
}

TEST_F(OAuthProvider, WrongVerifierIsTokenRejected) {
  auto token = requestToken();
  approve(token);
  EXPECT_EQ(problemOf(exchange(token, "not-it")), "token_rejected");
}

TEST_F(OAuthProvider, ExpiredTokensAreRefused) {
  auto token = requestToken();
  approve(token);
  ASSERT_EQ(mock_->control("POST", "/_mock/oauth/expire", R"({"oauthToken":")" + token + "\"}").status, 200);
  EXPECT_EQ(problemOf(exchange(token, token)), "token_expired");

  auto access = accessToken();
  ASSERT_EQ(mock_->control("POST", "/_mock/oauth/expire", R"({"oauthToken":")" + access + "\"}").status, 200);
  EXPECT_EQ(problemOf(myself(oauthHeader("GET", jiraUrl("/rest/api/2/myself"), access))), "token_expired");
}

TEST_F(OAuthProvider, RequestTokenCannotCallRest) {
  auto token = requestToken();
  approve(token);
  EXPECT_EQ(problemOf(myself(oauthHeader("GET", jiraUrl("/rest/api/2/myself"), token))), "token_rejected");
}

TEST_F(OAuthProvider, ContextPathIsPartOfTheSignedUrl) {
  auto token = accessToken();
  auto withoutContext = oauthHeader("GET", mock_->rootUrl() + "/rest/api/2/myself", token);
  auto response = myself(withoutContext);
  EXPECT_EQ(response.status, 401);
  EXPECT_EQ(problemOf(response), "signature_invalid");
  EXPECT_NE(parseForm(response.body)["oauth_signature_base_string"].find("%252Fjira%252Frest"), std::string::npos);
}

TEST_F(OAuthProvider, QueryParametersAreSigned) {
  auto token = accessToken();
  const auto url = jiraUrl("/rest/api/2/user?username=bob");
  auto good = httpRequest("GET", url, "", {{"Authorization", oauthHeader("GET", url, token)}});
  EXPECT_EQ(good.status, 200) << good.body;
  auto unsignedQuery = httpRequest("GET", url, "", {{"Authorization", oauthHeader("GET", jiraUrl("/rest/api/2/user"), token)}});
  EXPECT_EQ(problemOf(unsignedQuery), "signature_invalid");
}

TEST_F(OAuthProvider, AuthorizePageNamesTheConsumer) {
  auto token = requestToken();
  auto page = httpRequest("GET", jiraUrl("/plugins/servlet/oauth/authorize?oauth_token=" + token));
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Integration Host"), std::string::npos);
}

TEST_F(OAuthProvider, HostSignerRoundTripTamperAndReplay) {
  auto token = accessToken();
  const auto url = jiraUrl("/rest/api/2/issue/OPS-1");
  auto header = oauthHeader("GET", url, token);
  auto accepted = httpRequest("GET", url, "", {{"Authorization", header}});
  EXPECT_EQ(accepted.status, 200) << accepted.body;

  auto tampered = oauthHeader("GET", url, token);
  auto at = tampered.find("oauth_signature=\"") + 17;
  tampered[at] = tampered[at] == 'A' ? 'B' : 'A';
  EXPECT_EQ(problemOf(httpRequest("GET", url, "", {{"Authorization", tampered}})), "signature_invalid");

  EXPECT_EQ(problemOf(httpRequest("GET", url, "", {{"Authorization", header}})), "nonce_used");
}

TEST(OAuthBaseUrl, SignatureUsesConfiguredBaseUrlNotTheHostHeader) {
  auto mock = MockJiraProcess::start(standardSeed(consumerKeys().publicPem),
                                     {"--base-url", "https://jira.example.test/jira"});
  auto sign = [&](const std::string& url) {
    return host::auth::signOAuth1({"POST", url, kConsumerKey, consumerKeys().privatePkcs8Pem, "", ""});
  };
  const auto local = mock->rootUrl() + "/jira/plugins/servlet/oauth/request-token";
  auto asJiraSeesIt = httpRequest("POST", local, "", {{"Authorization", sign("https://jira.example.test:443/jira/plugins/servlet/oauth/request-token")}});
  EXPECT_EQ(asJiraSeesIt.status, 200) << asJiraSeesIt.body;
  auto asSent = httpRequest("POST", local, "", {{"Authorization", sign(local)}});
  EXPECT_EQ(parseForm(asSent.body)["oauth_problem"], "signature_invalid");
}

}  // namespace
}  // namespace ih::testing
