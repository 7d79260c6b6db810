// Replay matching rules: JSON semantics, subsets, ignored paths, query multisets and
// placeholder binding.
#include <gtest/gtest.h>

#include "fixtures/interaction_matcher.h"

namespace ih::mock {
namespace {

Interaction recorded(const std::string& body, const std::string& rule = "", ParamList query = {}) {
  Interaction interaction;
  interaction.id = 7;
  interaction.request.method = "POST";
  interaction.request.path = "/rest/api/2/issue";
  interaction.request.query = std::move(query);
  interaction.request.body = body;
  interaction.match.body = rule;
  return interaction;
}

HttpRequest actual(const std::string& body, const std::string& query = "") {
  HttpRequest request;
  request.method = "POST";
  request.path = "/rest/api/2/issue";
  request.rawQuery = query;
  request.body = body;
  return request;
}

MatchReport evaluate(const Interaction& interaction, const HttpRequest& request) {
  PlaceholderBindings bindings;
  return evaluateInteraction(interaction, request, bindings);
}

TEST(Matcher, JsonIgnoresKeyOrderButKeepsArrayOrderAndTypes) {
  EXPECT_TRUE(evaluate(recorded(R"({"a":1,"b":[1,2]})"), actual(R"({"b":[1,2],"a":1})")).matched());
  EXPECT_FALSE(evaluate(recorded(R"({"b":[1,2]})"), actual(R"({"b":[2,1]})")).matched());
  auto typed = evaluate(recorded(R"({"id":"1"})"), actual(R"({"id":1})"));
  ASSERT_FALSE(typed.matched());
  EXPECT_EQ(typed.diffs[0], R"(body $.id: expected string "1" got number 1)");
}

TEST(Matcher, SubsetAndIgnoredPaths) {
  EXPECT_TRUE(evaluate(recorded(R"({"a":1})", "json_subset"), actual(R"({"a":1,"extra":true})")).matched());
  EXPECT_FALSE(evaluate(recorded(R"({"a":1})", "json"), actual(R"({"a":1,"extra":true})")).matched());
  auto interaction = recorded(R"({"a":1,"ts":5,"list":[{"x":1}]})");
  interaction.match.ignoreJsonPaths = {"$.ts", "$.list[0].x"};
  EXPECT_TRUE(evaluate(interaction, actual(R"({"a":1,"ts":99,"list":[{"x":2}]})")).matched());
  EXPECT_TRUE(evaluate(recorded("anything", "ignore"), actual("else")).matched());
}

TEST(Matcher, QueryIsAMultisetAndDiffsNameTheParameter) {
  auto interaction = recorded("", "", {{"a", "1"}, {"a", "2"}, {"b", "x"}});
  EXPECT_TRUE(evaluate(interaction, actual("", "b=x&a=2&a=1")).matched());
  auto report = evaluate(interaction, actual("", "a=1&b=y"));
  ASSERT_FALSE(report.matched());
  EXPECT_EQ(report.failed, std::vector<std::string>{"query"});
  EXPECT_NE(std::find(report.diffs.begin(), report.diffs.end(), "query: missing a=2"), report.diffs.end());
  EXPECT_NE(std::find(report.diffs.begin(), report.diffs.end(), "query: unexpected b=y"), report.diffs.end());
}

TEST(Matcher, PlaceholdersMatchAnyValueAndBindIt) {
  auto interaction = recorded(R"({"url":"http://h/hook/<<JWT_1>>/","secret":"<<WEBHOOK_SECRET>>"})");
  PlaceholderBindings bindings;
  auto report = evaluateInteraction(interaction, actual(R"({"url":"http://h/hook/eyJabc.def.ghi/","secret":"s1"})"), bindings);
  ASSERT_TRUE(report.matched());
  bindings.bindAll(report.newBindings);
  EXPECT_EQ(bindings.valueOf("<<JWT_1>>"), "eyJabc.def.ghi");
  EXPECT_EQ(bindings.restore("sig with <<WEBHOOK_SECRET>>"), "sig with s1");
  auto rebound = evaluateInteraction(interaction, actual(R"({"url":"http://h/hook/eyJother/","secret":"s1"})"), bindings);
  EXPECT_FALSE(rebound.matched());
  EXPECT_EQ(evaluate(recorded(R"({"s":"<<X_1>>"})"), actual(R"({"s":""})")).matched(), false);
}

TEST(Matcher, UnboundResponsePlaceholdersGetFreshValuesOnce) {
  PlaceholderBindings bindings;
  auto first = bindings.restore("oauth_token=<<OAUTH_TOKEN_1>>&oauth_token_secret=<<OAUTH_TOKEN_SECRET_1>>");
  EXPECT_EQ(first.find("<<"), std::string::npos);
  EXPECT_EQ(bindings.restore("<<OAUTH_TOKEN_1>>"), first.substr(12, 32));
}

}  // namespace
}  // namespace ih::mock
