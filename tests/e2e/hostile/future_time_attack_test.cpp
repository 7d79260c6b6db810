// Attack: a delivery dated far in the future (issue 9, finding 6). Accepted,
// it would move OPS-1's watermark there and every genuine change until then
// would look stale: the ticket's inbound sync frozen for good. A `timestamp`
// of INT64_MAX and a `fields.updated` two days ahead are each a 400, and the
// ticket's ordinary changes made in Jira afterwards still reach the host.
#include "hostile_target.h"

#include <chrono>
#include <cstdint>
#include <ctime>
#include <string>

#include "support/eventually.h"
#include "support/http_client.h"

namespace ih::e2e::hostile {
namespace {

using namespace std::chrono_literals;

// A Jira time ("2026-12-07T18:00:00.000+0000") `ahead` of now.
std::string jiraTimeAhead(std::chrono::hours ahead) {
  const std::time_t when = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() + ahead);
  std::tm utc{};
  gmtime_r(&when, &utc);
  char text[40];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S.000+0000", &utc);
  return text;
}

// An assignee change of OPS-1 as a delivery would carry it; `when` is the
// JSON of the member that dates it.
std::string assigneeDelivery(const std::string& timestampMember, const std::string& updatedMember,
                             const std::string& assigneeJson) {
  return R"({"webhookEvent":"jira:issue_updated",)" + timestampMember +
         R"("issue":{"key":"OPS-1","fields":{)" + updatedMember + R"("assignee":)" + assigneeJson + "}}," +
         R"("changelog":{"items":[{"field":"assignee","from":null,"to":null}]}})";
}

TEST_F(HostileClient, AFarFutureDeliveryIs400AndLaterChangesStillSync) {
  const std::string bob = R"({"name":"bob","emailAddress":"bob@example.test","displayName":"Bob"})";
  ASSERT_EQ(assigneeEmail(), "");

  // "Assigned to bob" dated INT64_MAX: refused, so nothing moves.
  auto atTheEndOfTime = ih::testing::httpRequest(
      "POST", target().webhook, assigneeDelivery("\"timestamp\":" + std::to_string(INT64_MAX) + ",", "", bob));
  EXPECT_EQ(atTheEndOfTime.status, 400) << atTheEndOfTime.body;
  EXPECT_EQ(assigneeEmail(), "");
  // A genuine change in Jira afterwards reaches the host.
  ASSERT_EQ(jira().control("POST", "/_mock/issues/OPS-1/assignee", R"({"assignee":"bob","actor":"alice"})").status,
            200);
  EXPECT_TRUE(ih::testing::eventually([&] { return assigneeEmail() == "bob@example.test"; }, 10s))
      << "the ticket's sync is frozen";

  // "Unassigned" with fields.updated two days ahead: refused too.
  auto twoDaysAhead = ih::testing::httpRequest(
      "POST", target().webhook, assigneeDelivery("", "\"updated\":\"" + jiraTimeAhead(48h) + "\",", "null"));
  EXPECT_EQ(twoDaysAhead.status, 400) << twoDaysAhead.body;
  EXPECT_EQ(assigneeEmail(), "bob@example.test");
  ASSERT_EQ(jira().control("POST", "/_mock/issues/OPS-1/assignee", R"({"assignee":null,"actor":"alice"})").status,
            200);
  EXPECT_TRUE(ih::testing::eventually([&] { return assigneeEmail().empty(); }, 10s)) << "the ticket's sync is frozen";
}

}  // namespace
}  // namespace ih::e2e::hostile
