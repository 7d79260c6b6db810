// Redaction while recording: credentials dropped, secrets replaced consistently, base URL
// made portable.
#include <gtest/gtest.h>

#include "fixtures/redactor.h"

namespace ih::mock {
namespace {

TEST(Redactor, CredentialHeadersAreDropped) {
  Redactor redactor({"http://127.0.0.1:8080/jira"});
  auto headers = redactor.headers({{"authorization", "OAuth oauth_token=\"abc\""}, {"cookie", "JSESSIONID=1"},
                                   {"set-cookie", "x=y"}, {"accept", "application/json"}});
  ASSERT_EQ(headers.size(), 1u);
  EXPECT_EQ(headers[0].first, "accept");
}

TEST(Redactor, OAuthFormValuesBecomeNumberedPlaceholdersConsistently) {
  Redactor redactor({});
  EXPECT_EQ(redactor.body("oauth_token=tok111111&oauth_token_secret=sec222222"),
            "oauth_token=<<OAUTH_TOKEN_1>>&oauth_token_secret=<<OAUTH_TOKEN_SECRET_1>>");
  EXPECT_EQ(redactor.query({{"oauth_token", "tok111111"}})[0].second, "<<OAUTH_TOKEN_1>>");
  EXPECT_EQ(redactor.body("oauth_token=tok333333&oauth_verifier=ver444&oauth_session_handle=h5555555"),
            "oauth_token=<<OAUTH_TOKEN_2>>&oauth_verifier=<<OAUTH_VERIFIER_1>>&oauth_session_handle=<<OAUTH_SESSION_HANDLE_1>>");
  EXPECT_EQ(redactor.text("base string mentions tok333333"), "base string mentions <<OAUTH_TOKEN_2>>");
}

TEST(Redactor, JsonSecretsJwtsPemsAndBaseUrls) {
  Redactor redactor({"http://127.0.0.1:8080/jira"});
  auto body = redactor.body(R"({"url":"http://host/hook/eyJhbGciOiJIUzI1NiJ9.eyJpZCI6MX0.c2lnbmF0dXJlX3NpZw/",
    "configuration":{"SECRET":"abc123"},"secret":"def456","self":"http://127.0.0.1:8080/jira/rest/api/2/issue/1",
    "key":"-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n","other":"http://host/cb/a1b2c3d4e5f6g7h8i9j0k1l2"})");
  EXPECT_NE(body.find(R"("url":"http://host/hook/<<JWT_1>>/")"), std::string::npos) << body;
  EXPECT_NE(body.find(R"("SECRET":"<<WEBHOOK_SECRET>>")"), std::string::npos) << body;
  EXPECT_NE(body.find(R"("secret":"<<WEBHOOK_SECRET_2>>")"), std::string::npos) << body;
  EXPECT_NE(body.find(R"("self":"<<BASE_URL>>/rest/api/2/issue/1")"), std::string::npos) << body;
  EXPECT_NE(body.find(R"("key":"<<PEM_1>>\n")"), std::string::npos) << body;
  EXPECT_EQ(redactor.url("http://host/extensions/jira-server/issue-updated/a1b2c3d4e5f6g7h8i9j0k1l2/"),
            "http://host/extensions/jira-server/issue-updated/<<URL_TOKEN_1>>/");
}

}  // namespace
}  // namespace ih::mock
