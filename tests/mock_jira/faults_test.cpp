// Faults as data: failing statuses for N calls, DC rate-limit answers, delays beyond a
// client's timeout (before a request is served, or after), and connection resets.
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <thread>

#include "mock_jira_fixture.h"

namespace ih::testing {
namespace {

using Faults = MockJiraTest;

TEST_F(Faults, StatusForNCallsThenNormal) {
  ASSERT_EQ(mock_->control("POST", "/_mock/faults", R"({"method":"GET","path":"/rest/api/2/issue/*","status":503,"count":2})").status, 200);
  EXPECT_EQ(asUser("GET", "/rest/api/2/issue/OPS-1").status, 503);
  EXPECT_EQ(asUser("GET", "/rest/api/2/myself").status, 200);
  EXPECT_EQ(asUser("GET", "/rest/api/2/issue/OPS-2").status, 503);
  EXPECT_EQ(asUser("GET", "/rest/api/2/issue/OPS-1").status, 200);
}

TEST_F(Faults, RateLimitCarriesDcHeaders) {
  ASSERT_EQ(mock_->control("POST", "/_mock/faults", R"({"method":"PUT","path":"/rest/api/2/issue/OPS-1/assignee","status":429,"count":1,"retryAfter":7})").status, 200);
  auto limited = asUser("PUT", "/rest/api/2/issue/OPS-1/assignee", R"({"name":"bob"})");
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(limited.header("retry-after"), "7");
  EXPECT_EQ(limited.header("x-ratelimit-remaining"), "0");
  EXPECT_FALSE(limited.header("x-ratelimit-limit").empty());
  EXPECT_FALSE(limited.header("x-ratelimit-interval-seconds").empty());
  EXPECT_FALSE(limited.header("x-ratelimit-fillrate").empty());
  EXPECT_TRUE(parseJson(asUser("GET", "/rest/api/2/issue/OPS-1").body)["fields"]["assignee"].IsNull());
}

TEST_F(Faults, DelayOutlastsAClientTimeoutThenAnswersNormally) {
  ASSERT_EQ(mock_->control("POST", "/_mock/faults", R"({"method":"*","path":"/rest/api/2/myself","delayMs":1500,"count":1})").status, 200);
  EXPECT_THROW(httpRequest("GET", mock_->rootUrl() + "/rest/api/2/myself", "", {{"Authorization", "Bearer alice-pat"}},
                           std::chrono::milliseconds(400)),
               std::runtime_error);
  EXPECT_EQ(asUser("GET", "/rest/api/2/myself").status, 200);
}

// delayMs holds back an answer already made; delayBeforeMs holds back the
// request itself, which then reads what changed in the wait.
TEST_F(Faults, ADelayBeforeServingSeesAChangeMadeInTheWaitAndADelayAfterDoesNot) {
  const auto assigneeReadWhileJiraChanges = [&](const std::string& delay, const std::string& change) {
    const std::string fault = R"({"method":"GET","path":"/rest/api/2/issue/OPS-1","count":1,")" + delay + R"(":800})";
    EXPECT_EQ(mock_->control("POST", "/_mock/faults", fault).status, 200);
    auto read =
        std::async(std::launch::async, [&] { return asUser("GET", "/rest/api/2/issue/OPS-1?fields=assignee"); });
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    EXPECT_EQ(mock_->control("POST", "/_mock/issues/OPS-1/assignee", change).status, 200);
    const auto fields = parseJson(read.get().body)["fields"].GetObject();
    return fields["assignee"].IsObject() ? std::string(fields["assignee"]["name"].GetString()) : std::string("");
  };
  EXPECT_EQ(assigneeReadWhileJiraChanges("delayBeforeMs", R"({"assignee":"bob","actor":"alice"})"), "bob");
  EXPECT_EQ(assigneeReadWhileJiraChanges("delayMs", R"({"assignee":null,"actor":"alice"})"), "bob");
  EXPECT_EQ(mock_->control("POST", "/_mock/faults", R"({"path":"*","count":1,"delayBeforeMs":-1})").status, 400);
}

TEST_F(Faults, ResetClosesTheConnectionWithoutAnswer) {
  ASSERT_EQ(mock_->control("POST", "/_mock/faults", R"({"method":"GET","path":"/rest/api/2/serverInfo","reset":true,"count":1})").status, 200);
  EXPECT_THROW(mock_->jira("GET", "/rest/api/2/serverInfo"), std::runtime_error);
  EXPECT_EQ(mock_->jira("GET", "/rest/api/2/serverInfo").status, 200);
}

TEST_F(Faults, ClearRemovesRules) {
  ASSERT_EQ(mock_->control("POST", "/_mock/faults", R"({"path":"*","status":500,"count":5})").status, 200);
  EXPECT_EQ(mock_->control("DELETE", "/_mock/faults").status, 204);
  EXPECT_EQ(mock_->jira("GET", "/rest/api/2/serverInfo").status, 200);
  EXPECT_EQ(mock_->control("POST", "/_mock/faults", R"({"path":"*","count":1})").status, 400);
}

// Jira DC's limiter: a token bucket over REST calls, its headers on every answer, 429 with
// Retry-After once empty, counts for tests, off with null.
TEST_F(Faults, RateLimiterAnswers429WithJirasHeadersOnceTheBucketIsEmpty) {
  auto set = mock_->control("POST", "/_mock/settings", R"({"rateLimit":{"capacity":2,"fillRate":1,"intervalSeconds":60}})");
  ASSERT_EQ(set.status, 200) << set.body;
  auto first = asUser("GET", "/rest/api/2/issue/OPS-1");
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(first.header("x-ratelimit-limit"), "2");
  EXPECT_EQ(first.header("x-ratelimit-remaining"), "1");
  EXPECT_EQ(first.header("x-ratelimit-interval-seconds"), "60");
  EXPECT_EQ(first.header("x-ratelimit-fillrate"), "1");
  EXPECT_EQ(asUser("GET", "/rest/api/2/issue/OPS-1").status, 200);
  auto limited = asUser("GET", "/rest/api/2/issue/OPS-1");
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(limited.header("x-ratelimit-remaining"), "0");
  const int retryAfter = std::stoi(limited.header("retry-after"));
  EXPECT_GE(retryAfter, 55);
  EXPECT_LE(retryAfter, 60);
  auto counts = parseJson(mock_->control("GET", "/_mock/rate-limit").body);
  EXPECT_EQ(jsonInt(counts, "/allowed"), 2);
  EXPECT_EQ(jsonInt(counts, "/limited"), 1);

  ASSERT_EQ(mock_->control("POST", "/_mock/settings", R"({"rateLimit":null})").status, 200);
  auto free = asUser("GET", "/rest/api/2/issue/OPS-1");
  EXPECT_EQ(free.status, 200);
  EXPECT_EQ(free.header("x-ratelimit-limit"), "");
}

}  // namespace
}  // namespace ih::testing
