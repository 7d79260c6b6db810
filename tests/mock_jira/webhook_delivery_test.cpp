// Webhook deliveries as a receiver sees them: payload shape after each kind of change,
// user keys and status ids in changelogs, URL variables, X-Hub-Signature, hidden emails,
// excluded bodies, and a single attempt per delivery.
#include <regex>

#include <gtest/gtest.h>
#include <openssl/hmac.h>

#include "mock_jira_fixture.h"
#include "support/eventually.h"
#include "support/recording_http_server.h"

namespace ih::testing {
namespace {

std::string hmacHex(const std::string& secret, const std::string& body) {
  unsigned char digest[32];
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()), reinterpret_cast<const unsigned char*>(body.data()),
       body.size(), digest, &length);
  std::string hex;
  static constexpr char kHex[] = "0123456789abcdef";
  for (unsigned i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 15];
  }
  return hex;
}

class Deliveries : public MockJiraTest {
 protected:
  void registerHook(const std::string& path, const std::string& events, const std::string& extra = "") {
    auto response = asUser("POST", "/rest/webhooks/1.0/webhook",
                           R"({"name":"test","url":")" + receiver_.url(path) + R"(","events":)" + events + extra + "}");
    ASSERT_EQ(response.status, 201) << response.body;
  }

  rapidjson::Document nextPayload(std::size_t index = 0) {
    EXPECT_TRUE(receiver_.waitForRequests(index + 1)) << "no delivery arrived";
    auto requests = receiver_.requests();
    return parseJson(requests.at(index).body);
  }

  RecordingHttpServer receiver_;
};

TEST_F(Deliveries, AssignmentCarriesUserKeysAndTheIssueAfterTheChange) {
  registerHook("/hook", R"(["jira:issue_updated"])");
  ASSERT_EQ(asUser("PUT", "/rest/api/2/issue/OPS-2/assignee", R"({"name":"bob"})").status, 204);
  auto payload = nextPayload();
  EXPECT_EQ(jsonString(payload, "/webhookEvent"), "jira:issue_updated");
  EXPECT_EQ(jsonString(payload, "/issue_event_type_name"), "issue_assigned");
  EXPECT_TRUE(jsonAt(payload, "/timestamp").IsInt64());
  EXPECT_EQ(jsonString(payload, "/user/name"), "alice");
  EXPECT_EQ(jsonString(payload, "/user/emailAddress"), "alice@example.test");
  EXPECT_EQ(jsonString(payload, "/issue/fields/assignee/name"), "bob");
  EXPECT_TRUE(std::regex_match(jsonString(payload, "/issue/fields/updated"),
                               std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000)")));
  EXPECT_TRUE(jsonAt(payload, "/changelog/id").IsString());
  EXPECT_EQ(jsonString(payload, "/changelog/items/0/field"), "assignee");
  EXPECT_EQ(jsonString(payload, "/changelog/items/0/fieldtype"), "jira");
  EXPECT_EQ(jsonString(payload, "/changelog/items/0/from"), "JIRAUSER10100");
  EXPECT_EQ(jsonString(payload, "/changelog/items/0/fromString"), "Alice Admin");
  EXPECT_EQ(jsonString(payload, "/changelog/items/0/to"), "JIRAUSER10200");
  EXPECT_EQ(jsonString(payload, "/changelog/items/0/toString"), "Bob Builder");
  EXPECT_EQ(receiver_.requests()[0].header("content-type"), "application/json; charset=UTF-8");
  EXPECT_EQ(receiver_.requests()[0].header("x-hub-signature"), "");
}

TEST_F(Deliveries, TransitionCarriesStatusIdsAsIssueGeneric) {
  registerHook("/hook", R"(["jira:issue_updated"])");
  ASSERT_EQ(asUser("POST", "/rest/api/2/issue/OPS-1/transitions", R"({"transition":{"id":"11"}})").status, 204);
  auto payload = nextPayload();
  EXPECT_EQ(jsonString(payload, "/issue_event_type_name"), "issue_generic");
  EXPECT_EQ(jsonString(payload, "/changelog/items/0/field"), "status");
  EXPECT_EQ(jsonString(payload, "/changelog/items/0/from"), "1");
  EXPECT_EQ(jsonString(payload, "/changelog/items/0/fromString"), "Open");
  EXPECT_EQ(jsonString(payload, "/changelog/items/0/to"), "3");
  EXPECT_EQ(jsonString(payload, "/changelog/items/0/toString"), "In Progress");
  EXPECT_EQ(jsonInt(payload, "/issue/fields/status/statusCategory/id"), 4);
}

TEST_F(Deliveries, SecretSignsTheRawBody) {
  registerHook("/signed", R"(["jira:issue_updated"])", R"(,"secret":"It's a Secret to Everybody")");
  ASSERT_EQ(asUser("PUT", "/rest/api/2/issue/OPS-1/assignee", R"({"name":"bob"})").status, 204);
  ASSERT_TRUE(receiver_.waitForRequests(1));
  auto request = receiver_.requests()[0];
  EXPECT_EQ(request.header("x-hub-signature"), "sha256=" + hmacHex("It's a Secret to Everybody", request.body));
  // Known answer (GitHub's published vector) for the same HMAC construction.
  EXPECT_EQ(hmacHex("It's a Secret to Everybody", "Hello, World!"),
            "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
}

TEST_F(Deliveries, UrlVariablesAreSubstituted) {
  registerHook("/hook/${issue.key}?pid=${project.id}&id=${issue.id}&pk=${project.key}", R"(["jira:issue_updated"])");
  ASSERT_EQ(asUser("PUT", "/rest/api/2/issue/OPS-1/assignee", R"({"name":"bob"})").status, 204);
  ASSERT_TRUE(receiver_.waitForRequests(1));
  EXPECT_EQ(receiver_.requests()[0].uri, "/hook/OPS-1?pid=10000&id=10000&pk=OPS");
}

TEST_F(Deliveries, CommentsArriveAsIssueCommentedWithoutChangelog) {
  registerHook("/hook", R"(["jira:issue_updated","comment_created"])");
  ASSERT_EQ(asUser("POST", "/rest/api/2/issue/OPS-1/comment", R"({"body":"hello"})").status, 201);
  ASSERT_TRUE(receiver_.waitForRequests(2));
  auto updated = parseJson(receiver_.requests()[0].body);
  EXPECT_EQ(jsonString(updated, "/issue_event_type_name"), "issue_commented");
  EXPECT_EQ(jsonString(updated, "/comment/body"), "hello");
  EXPECT_FALSE(jsonHas(updated, "/changelog"));
  auto created = parseJson(receiver_.requests()[1].body);
  EXPECT_EQ(jsonString(created, "/webhookEvent"), "comment_created");
  EXPECT_FALSE(jsonHas(created, "/issue"));
}

TEST_F(Deliveries, CreationAndControlChangesDeliverToo) {
  registerHook("/hook", R"(["jira:issue_created","jira:issue_updated"])");
  ASSERT_EQ(asUser("POST", "/rest/api/2/issue", R"({"fields":{"project":{"key":"OPS"},"issuetype":{"name":"Task"},"summary":"New"}})").status, 201);
  auto created = nextPayload(0);
  EXPECT_EQ(jsonString(created, "/webhookEvent"), "jira:issue_created");
  EXPECT_FALSE(jsonHas(created, "/changelog"));
  ASSERT_EQ(mock_->control("POST", "/_mock/issues/OPS-3/status", R"({"status":"10001","actor":"bob"})").status, 200);
  auto changed = nextPayload(1);
  EXPECT_EQ(jsonString(changed, "/user/name"), "bob");
  EXPECT_EQ(jsonString(changed, "/changelog/items/0/to"), "10001");
  EXPECT_EQ(jsonString(changed, "/changelog/items/1/field"), "resolution");
  ASSERT_EQ(mock_->control("POST", "/_mock/issues/OPS-3/move", R"({"project":"ENG","actor":"alice"})").status, 200);
  auto moved = nextPayload(2);
  EXPECT_EQ(jsonString(moved, "/changelog/items/0/field"), "project");
  EXPECT_EQ(jsonString(moved, "/changelog/items/1/field"), "Key");
  EXPECT_EQ(jsonString(moved, "/changelog/items/1/fromString"), "OPS-3");
  EXPECT_EQ(jsonString(moved, "/changelog/items/1/toString"), "ENG-1");
}

TEST(DeliveryEmail, HiddenEmailsStayHiddenInPayloads) {
  RecordingHttpServer receiver;
  auto mock = MockJiraProcess::start(standardSeed("", false));
  const std::map<std::string, std::string> auth{{"Authorization", "Bearer alice-pat"}};
  ASSERT_EQ(mock->jira("POST", "/rest/webhooks/1.0/webhook",
                       R"({"name":"t","url":")" + receiver.url() + R"(","events":["jira:issue_updated"]})", auth).status, 201);
  ASSERT_EQ(mock->jira("PUT", "/rest/api/2/issue/OPS-2/assignee", R"({"name":"bob"})", auth).status, 204);
  ASSERT_TRUE(receiver.waitForRequests(1));
  EXPECT_EQ(receiver.requests()[0].body.find("emailAddress"), std::string::npos);
}

TEST(DeliveryDc, ExcludeBodySendsAnEmptySignedBody) {
  RecordingHttpServer receiver;
  auto mock = MockJiraProcess::start(standardSeed(), {"--version", "10.0.1"});
  const std::map<std::string, std::string> auth{{"Authorization", "Bearer alice-pat"}};
  ASSERT_EQ(mock->jira("POST", "/rest/jira-webhook/1.0/webhooks",
                       R"({"name":"t","url":")" + receiver.url("/{issue.key}") +
                           R"(","events":["jira:issue_updated"],"configuration":{"SECRET":"k","EXCLUDE_BODY":"true"}})",
                       auth).status, 201);
  ASSERT_EQ(mock->jira("PUT", "/rest/api/2/issue/OPS-1/assignee", R"({"name":"bob"})", auth).status, 204);
  ASSERT_TRUE(receiver.waitForRequests(1));
  auto request = receiver.requests()[0];
  EXPECT_EQ(request.uri, "/OPS-1");
  EXPECT_EQ(request.body, "");
  EXPECT_EQ(request.header("x-hub-signature"), "sha256=" + hmacHex("k", ""));
}

TEST_F(Deliveries, FailedDeliveryIsRecordedOnceWithoutRetry) {
  std::string deadUrl;
  {
    RecordingHttpServer closed;
    deadUrl = closed.url("/gone");
  }
  ASSERT_EQ(asUser("POST", "/rest/webhooks/1.0/webhook", R"({"name":"dead","url":")" + deadUrl + R"(","events":["jira:issue_updated"]})").status, 201);
  ASSERT_EQ(asUser("PUT", "/rest/api/2/issue/OPS-1/assignee", R"({"name":"bob"})").status, 204);
  ASSERT_TRUE(eventually([&] { return parseJson(mock_->control("GET", "/_mock/deliveries").body).Size() == 1; }));
  // A later change's delivery goes through the same queue: once it was
  // attempted, a retry of the first would have been too.
  ASSERT_EQ(asUser("PUT", "/rest/api/2/issue/OPS-2/assignee", R"({"name":"bob"})").status, 204);
  ASSERT_TRUE(eventually([&] { return parseJson(mock_->control("GET", "/_mock/deliveries").body).Size() >= 2; }));
  auto attempts = parseJson(mock_->control("GET", "/_mock/deliveries").body);
  ASSERT_EQ(attempts.Size(), 2u) << "one attempt per change, no retry";
  EXPECT_NE(jsonString(attempts, "/1/body").find("OPS-2"), std::string::npos) << "the second is the later change's";
  EXPECT_TRUE(jsonAt(attempts, "/0/status").IsNull());
  EXPECT_FALSE(jsonString(attempts, "/0/error").empty());
  EXPECT_EQ(jsonString(attempts, "/0/url"), deadUrl);
  EXPECT_EQ(jsonString(attempts, "/0/event"), "jira:issue_updated");
}

}  // namespace
}  // namespace ih::testing
