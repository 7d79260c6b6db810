// The journal keeps every Jira request with its headers (Authorization included) and the
// status sent, and never the control requests.
#include <gtest/gtest.h>

#include "mock_jira_fixture.h"

namespace ih::testing {
namespace {

class Journal : public MockJiraTest {
 protected:
  void SetUp() override { startMock({"--context-path", "/jira"}); }
};

TEST_F(Journal, KeepsRequestsWithAuthorizationAndStatus) {
  asUser("PUT", "/rest/api/2/issue/OPS-1/assignee?notifyUsers=false", R"({"name":"bob"})");
  mock_->control("GET", "/_mock/webhooks");
  auto entries = parseJson(mock_->control("GET", "/_mock/journal").body);
  ASSERT_EQ(entries.Size(), 1u);
  EXPECT_EQ(jsonString(entries, "/0/method"), "PUT");
  EXPECT_EQ(jsonString(entries, "/0/path"), "/jira/rest/api/2/issue/OPS-1/assignee");
  EXPECT_EQ(jsonString(entries, "/0/query"), "notifyUsers=false");
  EXPECT_EQ(jsonString(entries, "/0/headers/authorization"), "Bearer alice-pat");
  EXPECT_EQ(jsonString(entries, "/0/body"), R"({"name":"bob"})");
  EXPECT_EQ(jsonInt(entries, "/0/status"), 204);
}

TEST_F(Journal, FiltersByPathAndClears) {
  asUser("GET", "/rest/api/2/issue/OPS-1");
  asUser("GET", "/rest/api/2/myself");
  EXPECT_EQ(parseJson(mock_->control("GET", "/_mock/journal?path=/rest/api/2/issue/*").body).Size(), 1u);
  EXPECT_EQ(parseJson(mock_->control("GET", "/_mock/journal?path=/jira/rest/api/2/myself").body).Size(), 1u);
  EXPECT_EQ(mock_->control("DELETE", "/_mock/journal").status, 204);
  EXPECT_EQ(parseJson(mock_->control("GET", "/_mock/journal").body).Size(), 0u);
}

TEST_F(Journal, ControlListsItsRoutes) {
  auto routes = mock_->control("GET", "/_mock/");
  ASSERT_EQ(routes.status, 200);
  for (const auto* path : {"/_mock/seed", "/_mock/oauth/approve", "/_mock/issues/{key}/assignee", "/_mock/faults",
                           "/_mock/deliveries/control", "/_mock/replay"}) {
    EXPECT_NE(routes.body.find(path), std::string::npos) << path;
  }
}

}  // namespace
}  // namespace ih::testing
