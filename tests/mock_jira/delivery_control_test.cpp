// Steering deliveries: hold them, release them in order, reversed or one by id, drop the next N,
// drop all of them (mode drop, or settings deliverWebhooks: false).
#include <gtest/gtest.h>

#include "mock_jira_fixture.h"
#include "support/eventually.h"
#include "support/recording_http_server.h"

namespace ih::testing {
namespace {

class DeliveryControl : public MockJiraTest {
 protected:
  void SetUp() override {
    MockJiraTest::SetUp();
    ASSERT_EQ(asUser("POST", "/rest/webhooks/1.0/webhook",
                     R"({"name":"t","url":")" + receiver_.url("/${issue.key}") + R"(","events":["jira:issue_updated"]})").status, 201);
  }

  void control(const std::string& path, const std::string& body) {
    auto response = mock_->control("POST", path, body);
    ASSERT_EQ(response.status, 200) << response.body;
  }

  void assignThree() {
    for (const auto* key : {"OPS-1", "OPS-2", "OPS-1"}) {
      ASSERT_EQ(asUser("PUT", std::string("/rest/api/2/issue/") + key + "/assignee", R"({"name":"bob"})").status, 204);
    }
  }

  std::vector<std::string> receivedPaths() {
    std::vector<std::string> paths;
    for (const auto& request : receiver_.requests()) paths.push_back(request.uri);
    return paths;
  }

  RecordingHttpServer receiver_;
};

TEST_F(DeliveryControl, HeldDeliveriesWaitThenGoOutInOrder) {
  control("/_mock/deliveries/control", R"({"mode":"hold"})");
  ASSERT_EQ(asUser("PUT", "/rest/api/2/issue/OPS-1/assignee", R"({"name":"bob"})").status, 204);
  ASSERT_EQ(asUser("PUT", "/rest/api/2/issue/OPS-2/assignee", R"({"name":"bob"})").status, 204);
  // Both are held: in the pending list, never attempted, never received.
  EXPECT_EQ(parseJson(mock_->control("GET", "/_mock/deliveries/pending").body).Size(), 2u);
  EXPECT_EQ(parseJson(mock_->control("GET", "/_mock/deliveries").body).Size(), 0u);
  EXPECT_TRUE(receiver_.requests().empty());
  control("/_mock/deliveries/release", R"({"order":"fifo"})");
  ASSERT_TRUE(receiver_.waitForRequests(2));
  EXPECT_EQ(receivedPaths(), (std::vector<std::string>{"/OPS-1", "/OPS-2"}));
}

TEST_F(DeliveryControl, ReverseReleaseDeliversNewestFirst) {
  control("/_mock/deliveries/control", R"({"mode":"hold"})");
  ASSERT_EQ(asUser("PUT", "/rest/api/2/issue/OPS-1/assignee", R"({"name":"bob"})").status, 204);
  ASSERT_EQ(asUser("PUT", "/rest/api/2/issue/OPS-2/assignee", R"({"name":"bob"})").status, 204);
  control("/_mock/deliveries/release", R"({"order":"reverse"})");
  ASSERT_TRUE(receiver_.waitForRequests(2));
  EXPECT_EQ(receivedPaths(), (std::vector<std::string>{"/OPS-2", "/OPS-1"}));
}

TEST_F(DeliveryControl, ReleasingOneByIdLeavesTheOthersHeld) {
  control("/_mock/deliveries/control", R"({"mode":"hold"})");
  ASSERT_EQ(asUser("PUT", "/rest/api/2/issue/OPS-1/assignee", R"({"name":"bob"})").status, 204);
  ASSERT_EQ(asUser("PUT", "/rest/api/2/issue/OPS-2/assignee", R"({"name":"bob"})").status, 204);
  auto pending = parseJson(mock_->control("GET", "/_mock/deliveries/pending").body);
  ASSERT_EQ(pending.Size(), 2u);
  const auto second = jsonInt(pending, "/1/id");
  control("/_mock/deliveries/release", R"({"id":)" + std::to_string(second) + "}");
  ASSERT_TRUE(receiver_.waitForRequests(1));
  EXPECT_EQ(receivedPaths(), (std::vector<std::string>{"/OPS-2"}));
  EXPECT_EQ(parseJson(mock_->control("GET", "/_mock/deliveries/pending").body).Size(), 1u);
  EXPECT_EQ(mock_->control("POST", "/_mock/deliveries/release", R"({"id":)" + std::to_string(second) + "}").status, 404)
      << "already released";
}

TEST_F(DeliveryControl, DropNextLosesExactlyThatMany) {
  control("/_mock/deliveries/control", R"({"dropNext":2})");
  assignThree();
  // All three are accounted for (two dropped, one sent): nothing more can come.
  ASSERT_TRUE(eventually([&] { return parseJson(mock_->control("GET", "/_mock/deliveries").body).Size() == 3; }));
  auto attempts = parseJson(mock_->control("GET", "/_mock/deliveries").body);
  ASSERT_EQ(attempts.Size(), 3u);
  EXPECT_EQ(receivedPaths(), (std::vector<std::string>{"/OPS-1"})) << "only the third went out";
  EXPECT_EQ(jsonString(attempts, "/0/state"), "dropped");
  EXPECT_EQ(jsonString(attempts, "/1/state"), "dropped");
  EXPECT_EQ(jsonString(attempts, "/2/state"), "sent");
  EXPECT_EQ(jsonInt(attempts, "/2/status"), 200);
}

TEST_F(DeliveryControl, DroppingLosesWhatIsHeldAndEverythingAfterUntilDeliveringAgain) {
  control("/_mock/deliveries/control", R"({"mode":"hold"})");
  ASSERT_EQ(asUser("PUT", "/rest/api/2/issue/OPS-1/assignee", R"({"name":"bob"})").status, 204);
  control("/_mock/settings", R"({"deliverWebhooks":false})");
  EXPECT_EQ(toJson(parseJson(mock_->control("GET", "/_mock/settings").body)["deliverWebhooks"]), "false");
  ASSERT_EQ(asUser("PUT", "/rest/api/2/issue/OPS-2/assignee", R"({"name":"bob"})").status, 204);
  auto attempts = parseJson(mock_->control("GET", "/_mock/deliveries").body);
  ASSERT_EQ(attempts.Size(), 2u);
  for (const auto& attempt : attempts.GetArray()) EXPECT_EQ(jsonString(attempt, "/state"), "dropped");
  EXPECT_EQ(parseJson(mock_->control("GET", "/_mock/deliveries/pending").body).Size(), 0u);

  control("/_mock/settings", R"({"deliverWebhooks":true})");
  ASSERT_EQ(asUser("PUT", "/rest/api/2/issue/OPS-1/assignee", R"({"name":"alice"})").status, 204);
  ASSERT_TRUE(receiver_.waitForRequests(1));
  EXPECT_EQ(receivedPaths(), (std::vector<std::string>{"/OPS-1"})) << "the dropped ones never arrive";
}

TEST_F(DeliveryControl, BadSettingsAreRefusedAndChangeNothing) {
  for (const char* body : {R"({"deliverWebhooks":"no","emailVisibility":false})",
                           R"({"rateLimit":{"capacity":0,"fillRate":1,"intervalSeconds":1},"emailVisibility":false})",
                           R"({"rateLimit":5,"emailVisibility":false})"}) {
    auto refused = mock_->control("POST", "/_mock/settings", body);
    EXPECT_EQ(refused.status, 400) << body;
  }
  auto settings = parseJson(mock_->control("GET", "/_mock/settings").body);
  EXPECT_EQ(toJson(settings["emailVisibility"]), "true");
  EXPECT_EQ(toJson(settings["deliverWebhooks"]), "true");
  EXPECT_EQ(toJson(settings["rateLimit"]), "null");
}

}  // namespace
}  // namespace ih::testing
