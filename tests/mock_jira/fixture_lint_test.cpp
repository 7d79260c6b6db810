// The fixture lint: the repository's fixtures/ must be clean, and each kind of leaked
// secret must be caught (proved with synthetic bad strings, generated here, never committed).
#include <gtest/gtest.h>

#include "fixtures/fixture_lint.h"
#include "support/rsa_keys.h"

namespace ih::mock {
namespace {

std::vector<std::string> rulesFound(const std::string& text) {
  std::vector<std::string> rules;
  for (const auto& finding : lintFixtureText(text, "synthetic.json")) rules.push_back(finding.rule);
  return rules;
}

bool catches(const std::string& text, const std::string& rule) {
  auto rules = rulesFound(text);
  return std::find(rules.begin(), rules.end(), rule) != rules.end();
}

TEST(FixtureLint, RepositoryFixturesAreClean) {
  for (const auto& finding : lintFixtureDirectory(IH_FIXTURES_DIR)) ADD_FAILURE() << describe(finding);
}

TEST(FixtureLint, CatchesPemBlocks) {
  auto key = ih::testing::generateRsaKeyPair(1024).privatePkcs1Pem;
  EXPECT_TRUE(catches(R"({"privateKey": ")" + key + "\"}", "pem"));
}

TEST(FixtureLint, CatchesJwts) {
  EXPECT_TRUE(catches(R"({"url": "https://host/hook/eyJhbGciOiJIUzI1NiJ9.eyJpZCI6IjEyMyJ9.c2lnbmF0dXJl/"})", "jwt"));
}

TEST(FixtureLint, CatchesBearerTokens) {
  EXPECT_TRUE(catches(R"([["authorization","Bearer NjE2NTQzMjEwOTg3OkFCQ0RFRkdI"]])", "bearer"));
  EXPECT_FALSE(catches(R"([["authorization","Bearer <<PAT_1>>"]])", "bearer"));
}

TEST(FixtureLint, CatchesOAuthTokensAndSignatures) {
  EXPECT_TRUE(catches(R"({"text": "oauth_token=abc123def&oauth_token_secret=<<OAUTH_TOKEN_SECRET_1>>"})", "oauth_param"));
  EXPECT_TRUE(catches(R"({"text": "OAuth oauth_signature=\"dGVzdA%3D%3D\""})", "oauth_param"));
  EXPECT_TRUE(catches(R"({"text": "oauth_verifier%3Dq1w2e3"})", "oauth_param"));
  EXPECT_FALSE(catches(R"({"text": "oauth_token=<<OAUTH_TOKEN_1>>&oauth_token_secret=<<OAUTH_TOKEN_SECRET_1>>"})", "oauth_param"));
}

TEST(FixtureLint, CatchesLongHighEntropyStrings) {
  EXPECT_TRUE(catches(R"({"secret": "3f9a0c4e8b7d6a5f4e3d2c1b0a9f8e7d"})", "high_entropy"));
  EXPECT_TRUE(catches(R"({"token": "Zx8Qp2Lm7Rt4Vb9Nc3Kd6Hg1Jf5Ws0Ye"})", "high_entropy"));
  EXPECT_FALSE(catches(R"({"field": "com.atlassian.jira.plugin.system.customfieldtypes:multiselect"})", "high_entropy"));
  EXPECT_FALSE(catches(R"({"self": "<<BASE_URL>>/rest/api/2/issue/10000/comment/10001"})", "high_entropy"));
}

TEST(FixtureLint, CatchesKnownTokenPrefixes) {
  EXPECT_TRUE(catches(R"({"k": "ghp_abcdefghijKLMNOP"})", "known_prefix"));
  EXPECT_TRUE(catches(R"({"k": "xoxb-1234567890-abc"})", "known_prefix"));
  EXPECT_TRUE(catches(R"({"k": "whsec_abcdefghijklm"})", "known_prefix"));
}

TEST(FixtureLint, PlaceholdersAndOrdinaryJiraJsonAreClean) {
  EXPECT_TRUE(rulesFound(R"({"url": "http://host/extensions/jira-server/issue-updated/<<JWT_1>>/", "secret": "<<WEBHOOK_SECRET>>",
    "body": "oauth_token=<<OAUTH_TOKEN_1>>", "updated": "2024-06-10T09:13:20.123+0000", "key": "JIRAUSER10100",
    "avatar": "<<BASE_URL>>/secure/useravatar?size=xsmall&avatarId=10122"})").empty());
}

}  // namespace
}  // namespace ih::mock
