// REST authentication and the generic answers: PATs, Jira's 401 and 404 shapes, the
// X-AUSERNAME/X-AREQUESTID headers, self URLs from the configured base URL, and hidden emails.
#include <regex>

#include <gtest/gtest.h>

#include "mock_jira_fixture.h"

namespace ih::testing {
namespace {

using RestAuth = MockJiraTest;

TEST_F(RestAuth, PatActsAsItsUser) {
  auto response = asUser("GET", "/rest/api/2/myself", "", "bob-pat");
  ASSERT_EQ(response.status, 200) << response.body;
  auto me = parseJson(response.body);
  EXPECT_EQ(jsonString(me, "/name"), "bob");
  EXPECT_EQ(jsonString(me, "/key"), "JIRAUSER10200");
  EXPECT_EQ(jsonString(me, "/timeZone"), "Europe/Berlin");
  EXPECT_FALSE(jsonHas(me, "/accountId"));
  EXPECT_EQ(response.header("x-ausername"), "bob");
  EXPECT_FALSE(response.header("x-arequestid").empty());
}

TEST_F(RestAuth, MissingOrUnknownCredentialsGetJiras401) {
  for (const auto& headers : std::vector<std::map<std::string, std::string>>{{}, {{"Authorization", "Bearer nope"}}}) {
    auto response = mock_->jira("GET", "/rest/api/2/myself", "", headers);
    EXPECT_EQ(response.status, 401);
    EXPECT_EQ(response.body, R"({"message":"Client must be authenticated to access this resource.","status-code":401})");
    EXPECT_EQ(response.header("www-authenticate").rfind("OAuth realm=\"http%3A%2F%2F127.0.0.1%3A", 0), 0u);
  }
}

TEST_F(RestAuth, ServerInfoIsAnonymous) {
  auto response = mock_->jira("GET", "/rest/api/2/serverInfo");
  ASSERT_EQ(response.status, 200);
  auto info = parseJson(response.body);
  EXPECT_EQ(jsonString(info, "/version"), "9.12.0");
  EXPECT_EQ(jsonInt(info, "/versionNumbers/0"), 9);
  EXPECT_EQ(jsonString(info, "/deploymentType"), "Server");
  EXPECT_EQ(response.header("x-ausername"), "anonymous");
}

TEST_F(RestAuth, UnknownPathIsJerseys404) {
  auto response = asUser("GET", "/rest/api/2/nothing/here?x=1");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.body, "{\"message\":\"null for uri: " + mock_->rootUrl() + "/rest/api/2/nothing/here?x=1\",\"status-code\":404}");
}

TEST(RestBaseUrl, SelfUrlsComeFromTheConfiguredBaseUrl) {
  auto mock = MockJiraProcess::start(standardSeed(), {"--base-url", "http://jira.example.test:8090/jira"});
  EXPECT_EQ(mock->baseUrl(), "http://jira.example.test:8090/jira");
  auto info = parseJson(mock->jira("GET", "/rest/api/2/serverInfo").body);
  EXPECT_EQ(jsonString(info, "/baseUrl"), "http://jira.example.test:8090/jira");
  auto issue = mock->jira("GET", "/rest/api/2/issue/OPS-1", "", {{"Authorization", "Bearer alice-pat"}, {"Host", "evil.test"}});
  ASSERT_EQ(issue.status, 200) << issue.body;
  EXPECT_EQ(jsonString(parseJson(issue.body), "/self"), "http://jira.example.test:8090/jira/rest/api/2/issue/10000");
}

TEST(RestEmail, HiddenEmailsAreOmittedFromEveryUserObject) {
  auto mock = MockJiraProcess::start(standardSeed("", false));
  const std::map<std::string, std::string> auth{{"Authorization", "Bearer alice-pat"}};
  for (const auto* path : {"/rest/api/2/myself", "/rest/api/2/issue/OPS-2", "/rest/api/2/user/search?username=a"}) {
    auto response = mock->jira("GET", path, "", auth);
    ASSERT_EQ(response.status, 200) << path;
    EXPECT_EQ(response.body.find("emailAddress"), std::string::npos) << path << ": " << response.body;
  }
  ASSERT_EQ(mock->control("POST", "/_mock/settings", R"({"emailVisibility":true})").status, 200);
  EXPECT_NE(mock->jira("GET", "/rest/api/2/myself", "", auth).body.find("alice@example.test"), std::string::npos);
}

}  // namespace
}  // namespace ih::testing
