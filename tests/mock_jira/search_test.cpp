// JQL search and user searches.
#include <gtest/gtest.h>

#include "mock_jira_fixture.h"

namespace ih::testing {
namespace {

using Search = MockJiraTest;

std::string encoded(const std::string& jql) {
  std::string out;
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : jql) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::vector<std::string> keysOf(const HttpResponse& response) {
  EXPECT_EQ(response.status, 200) << response.body;
  std::vector<std::string> keys;
  auto doc = parseJson(response.body);
  for (const auto& issue : doc["issues"].GetArray()) keys.emplace_back(issue["key"].GetString());
  return keys;
}

TEST_F(Search, IssueKeyClausesInEveryQuotingStyle) {
  for (const auto* jql : {"id=OPS-2", "id = \"OPS-2\"", "key = \"OPS-2\"", "issuekey = OPS-2 ORDER BY key"}) {
    EXPECT_EQ(keysOf(asUser("GET", "/rest/api/2/search?jql=" + encoded(jql))), std::vector<std::string>{"OPS-2"}) << jql;
  }
}

TEST_F(Search, UnknownKeyIs400) {
  auto response = asUser("GET", "/rest/api/2/search?jql=" + encoded("key = \"OPS-77\""));
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(jsonString(parseJson(response.body), "/errorMessages/0"),
            "An issue with key 'OPS-77' does not exist for field 'key'.");
}

TEST_F(Search, TextSearchIsCaseInsensitiveAndHonoursEscapes) {
  EXPECT_EQ(keysOf(asUser("GET", "/rest/api/2/search?jql=" + encoded("text ~ \"DISK\""))), std::vector<std::string>{"OPS-1"});
  EXPECT_EQ(keysOf(asUser("GET", "/rest/api/2/search?jql=" + encoded(R"(text ~ "\"login\" button")"))),
            std::vector<std::string>{"OPS-2"});
}

TEST_F(Search, PostAndTrailingSlashWork) {
  auto posted = asUser("POST", "/rest/api/2/search", R"({"jql":"project = OPS","startAt":0,"maxResults":1})");
  auto doc = parseJson(posted.body);
  EXPECT_EQ(jsonInt(doc, "/total"), 2);
  EXPECT_EQ(jsonInt(doc, "/maxResults"), 1);
  EXPECT_EQ(jsonAt(doc, "/issues").Size(), 1u);
  EXPECT_EQ(asUser("GET", "/rest/api/2/search/?jql=" + encoded("id=OPS-1")).status, 200);
}

TEST_F(Search, UnparseableJqlIs400WithErrorMessages) {
  for (const auto* jql : {"key OPS-1", "text ~ \"unterminated", "foo = bar"}) {
    auto response = asUser("GET", "/rest/api/2/search?jql=" + encoded(jql));
    EXPECT_EQ(response.status, 400) << jql;
    EXPECT_TRUE(jsonHas(parseJson(response.body), "/errorMessages/0")) << response.body;
  }
}

TEST_F(Search, UserSearchMatchesNameDisplayNameOrEmail) {
  EXPECT_EQ(asUser("GET", "/rest/api/2/user/search").status, 400);
  auto byEmail = parseJson(asUser("GET", "/rest/api/2/user/search?username=BOB%40EXAMPLE").body);
  ASSERT_EQ(byEmail.Size(), 1u);
  EXPECT_EQ(jsonString(byEmail, "/0/name"), "bob");
  auto byDisplay = parseJson(asUser("GET", "/rest/api/2/user/search?username=admin").body);
  EXPECT_EQ(jsonString(byDisplay, "/0/name"), "alice");
  EXPECT_EQ(parseJson(asUser("GET", "/rest/api/2/user/search?username=carol").body).Size(), 0u);
  EXPECT_EQ(asUser("GET", "/rest/api/2/user?username=bob").status, 200);
  EXPECT_EQ(asUser("GET", "/rest/api/2/user?username=zed").status, 404);
}

TEST_F(Search, AssignableSearchOnlyOffersActiveAssignableUsers) {
  EXPECT_EQ(asUser("GET", "/rest/api/2/user/assignable/search?username=a").status, 400);
  EXPECT_EQ(asUser("GET", "/rest/api/2/user/assignable/search?project=NOPE&username=a").status, 404);
  EXPECT_EQ(asUser("GET", "/rest/api/2/user/assignable/search?issueKey=OPS-99&username=a").status, 404);
  auto users = parseJson(asUser("GET", "/rest/api/2/user/assignable/search?issueKey=OPS-1&username=").body);
  std::vector<std::string> names;
  for (const auto& user : users.GetArray()) names.emplace_back(user["name"].GetString());
  EXPECT_EQ(names, (std::vector<std::string>{"alice", "bob"}));
}

// What reconcile sends: key in (...), validateQuery warn (a missing key is a warning, not a 400),
// paging; a moved issue still matches its old key.
TEST_F(Search, KeyInListWithWarnValidationPagesAndWarnsOfMissingKeys) {
  const std::string body = R"json({"jql":"key in (\"OPS-1\", OPS-2, OPS-404)","startAt":1,"maxResults":1,)json"
                           R"json("validateQuery":"warn","fields":["assignee","status","updated"]})json";
  auto page = asUser("POST", "/rest/api/2/search", body);
  ASSERT_EQ(page.status, 200) << page.body;
  auto doc = parseJson(page.body);
  EXPECT_EQ(jsonInt(doc, "/total"), 2);
  EXPECT_EQ(doc["issues"].Size(), 1u);
  EXPECT_NE(jsonString(doc, "/warningMessages/0").find("OPS-404"), std::string::npos);
  auto strict = asUser("POST", "/rest/api/2/search", R"json({"jql":"key in (OPS-1, OPS-404)"})json");
  EXPECT_EQ(strict.status, 400) << strict.body;
}

}  // namespace
}  // namespace ih::testing
