// Both admin-webhook generations: paths per version, 201 bodies (self vs numeric id),
// CRUD, admin-only changes and the webhook plugin's own error shapes.
#include <gtest/gtest.h>

#include "mock_jira_fixture.h"

namespace ih::testing {
namespace {

constexpr const char* kLegacy = "/rest/webhooks/1.0/webhook";
constexpr const char* kDc = "/rest/jira-webhook/1.0/webhooks";

using LegacyWebhooks = MockJiraTest;

TEST_F(LegacyWebhooks, CreateAnswersBeanWithSelfAndNoId) {
  auto response = asUser("POST", kLegacy, R"({"name":"Host sync","url":"https://host.test/hook/${issue.key}",
    "events":["jira:issue_updated"],"filters":{"issue-related-events-section":"project = OPS"},"excludeBody":false,
    "jqlFilter":"ignored","excludeIssueDetails":true,"secret":"s3cr3t"})");
  ASSERT_EQ(response.status, 201) << response.body;
  auto bean = parseJson(response.body);
  EXPECT_FALSE(jsonHas(bean, "/id"));
  EXPECT_EQ(jsonString(bean, "/self"), mock_->baseUrl() + "/rest/webhooks/1.0/webhook/1");
  EXPECT_TRUE(jsonBool(bean, "/enabled"));
  EXPECT_EQ(jsonString(bean, "/filters/issue-related-events-section"), "project = OPS");
  EXPECT_EQ(jsonString(bean, "/lastUpdatedUser"), "JIRAUSER10100");
  EXPECT_EQ(jsonString(bean, "/lastUpdatedDisplayName"), "Alice Admin");
  EXPECT_TRUE(jsonAt(bean, "/lastUpdated").IsInt64());
  EXPECT_EQ(response.body.find("s3cr3t"), std::string::npos);
}

TEST_F(LegacyWebhooks, ListGetUpdateDelete) {
  ASSERT_EQ(asUser("POST", kLegacy, R"({"name":"a","url":"http://h.test/a","events":["jira:issue_created"]})").status, 201);
  auto listed = parseJson(asUser("GET", kLegacy).body);
  ASSERT_TRUE(listed.IsArray());
  EXPECT_EQ(listed.Size(), 1u);
  auto updated = asUser("PUT", std::string(kLegacy) + "/1", R"({"name":"b","url":"http://h.test/b","events":["jira:issue_updated"]})");
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(jsonString(parseJson(asUser("GET", std::string(kLegacy) + "/1").body), "/url"), "http://h.test/b");
  EXPECT_EQ(asUser("DELETE", std::string(kLegacy) + "/1").status, 204);
  EXPECT_EQ(asUser("GET", std::string(kLegacy) + "/1").status, 404);
  EXPECT_EQ(asUser("DELETE", std::string(kLegacy) + "/1").status, 404);
}

TEST_F(LegacyWebhooks, NonAdminIsForbiddenAndMissingFieldsAreNamed) {
  auto forbidden = asUser("POST", kLegacy, R"({"name":"Sentry Issue Sync","url":"http://h.test/","events":[]})", "bob-pat");
  EXPECT_EQ(forbidden.status, 403);
  EXPECT_EQ(forbidden.body, R"({"messages":[{"key":"You do not have permission to create WebHook 'Sentry Issue Sync'."}]})");
  auto invalid = asUser("POST", kLegacy, R"({"events":["jira:issue_updated"]})");
  EXPECT_EQ(invalid.status, 400);
  auto errors = parseJson(invalid.body);
  EXPECT_TRUE(jsonHas(errors, "/errors/name"));
  EXPECT_TRUE(jsonHas(errors, "/errors/url"));
}

TEST_F(LegacyWebhooks, Version10PathIsUnknownOnVersion9) {
  auto response = asUser("POST", kDc, R"({"name":"a","url":"http://h.test/a","events":[]})");
  EXPECT_EQ(response.status, 404);
  EXPECT_NE(response.body.find("null for uri"), std::string::npos);
}

class DcWebhooks : public MockJiraTest {
 protected:
  void SetUp() override { startMock({"--version", "10.3.1"}); }
};

TEST_F(DcWebhooks, CreateAnswersNumericIdActiveAndStringConfiguration) {
  auto response = asUser("POST", kDc, R"({"name":"Host","url":"http://h.test/{issue.key}","events":["jira:issue_updated"],
    "configuration":{"SECRET":"abc","EXCLUDE_BODY":false},"active":true,"scopeType":"global","secret":"ignored"})");
  ASSERT_EQ(response.status, 201) << response.body;
  auto webhook = parseJson(response.body);
  EXPECT_TRUE(jsonAt(webhook, "/id").IsInt64());
  EXPECT_TRUE(jsonBool(webhook, "/active"));
  EXPECT_EQ(jsonString(webhook, "/scopeType"), "global");
  EXPECT_EQ(jsonString(webhook, "/configuration/EXCLUDE_BODY"), "false");
  EXPECT_TRUE(jsonAt(webhook, "/createdDate").IsInt64());
  EXPECT_TRUE(jsonAt(webhook, "/sslVerificationRequired").IsBool());
  EXPECT_FALSE(jsonHas(webhook, "/self"));
  const auto item = std::string(kDc) + "/" + std::to_string(jsonInt(webhook, "/id"));
  EXPECT_EQ(asUser("GET", item).status, 200);
  EXPECT_EQ(asUser("PUT", item, R"({"name":"Host2","url":"http://h.test/x","events":["jira:issue_created"]})").status, 200);
  EXPECT_EQ(asUser("DELETE", item).status, 204);
  EXPECT_EQ(asUser("GET", item).status, 404);
}

TEST_F(DcWebhooks, LegacyPathIsUnknownAndNonAdminIsForbidden) {
  EXPECT_EQ(asUser("GET", kLegacy).status, 404);
  EXPECT_EQ(asUser("POST", kDc, R"({"name":"x","url":"http://h.test/","events":[]})", "bob-pat").status, 403);
  EXPECT_EQ(jsonInt(parseJson(mock_->jira("GET", "/rest/api/2/serverInfo").body), "/versionNumbers/0"), 10);
}

}  // namespace
}  // namespace ih::testing
