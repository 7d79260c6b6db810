// Attack: JSON nested 200 000 levels deep (issue 9, finding 1), which once
// overflowed the stack and killed the host, sent by a plain member to a JSON
// route and by Jira, with a valid token, to the webhook. Each is a 400 with
// {"detail"} saying why, nothing is stored, and the host keeps serving.
#include "hostile_target.h"

#include "support/http_client.h"
#include "support/nested_json.h"

namespace ih::e2e::hostile {
namespace {

using ih::testing::nestedJsonArrays;
using ih::testing::nestedJsonObjects;

// {"a": is 5 bytes a level and } one more: 170 000 levels stay under the 1 MiB body limit.
constexpr size_t kDeepObjectLevels = 170000;

TEST_F(HostileClient, DeepJsonIs400OnAMembersRouteAndOnTheWebhook) {
  const size_t activitiesBefore = activityCount();
  for (const std::string& body : {nestedJsonArrays(200000), nestedJsonObjects(kDeepObjectLevels)}) {
    ASSERT_LT(body.size(), 1024u * 1024u) << "under the body limit, so the parser sees it";
    Reply member = postComment(body);
    EXPECT_EQ(member.status, 400) << member.describe().substr(0, 200);
    EXPECT_EQ(member.str("detail"), "Malformed JSON body: nested deeper than 64 levels");
    EXPECT_TRUE(healthyWithin(std::chrono::seconds(1)));

    auto delivery = ih::testing::httpRequest("POST", target().webhook, body, {{"Content-Type", "application/json"}});
    EXPECT_EQ(delivery.status, 400) << delivery.body.substr(0, 200);
    // The token was valid, so the sender (Jira) is told why.
    EXPECT_EQ(delivery.body, R"({"detail":"Invalid payload: the body is not JSON: nested deeper than 64 levels"})");
    EXPECT_TRUE(healthyWithin(std::chrono::seconds(1)));
  }
  EXPECT_EQ(activityCount(), activitiesBefore) << "nothing stored";
  // The token was valid all along: a shallow delivery is accepted.
  const std::string shallow =
      R"({"webhookEvent":"jira:issue_updated","issue":{"key":"OPS-2"},"changelog":{"items":[]}})";
  EXPECT_EQ(ih::testing::httpRequest("POST", target().webhook, shallow).status, 200);
}

}  // namespace
}  // namespace ih::e2e::hostile
