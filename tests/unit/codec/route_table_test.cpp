// The one route matcher (routing/route_table.h, routing/path_pattern.h) that
// the host's router, the plugin routes and mock-jira share: pattern syntax,
// one trailing slash ignored, {name} decoded exactly once and strictly, the
// most literal pattern wins, 405 versus 404, and per-call route filtering.
#include <gtest/gtest.h>

#include <stdexcept>

#include "routing/path_pattern.h"
#include "routing/route_table.h"

namespace ih::routing {
namespace {

TEST(PathPattern, WellFormedPatterns) {
  for (const char* good : {"/extensions/jira-server/issue-updated/{token}/",
                           "/extensions/jira_server/search/{org}/{integrationId}/", "/rest/webhooks/1.0/webhook/{id}",
                           "/_mock/issues/{key}/assignee", "/"}) {
    EXPECT_EQ(pathPatternError(good), "") << good;
  }
}

TEST(PathPattern, MalformedPatterns) {
  for (const char* bad : {"", "extensions/x/", "/extensions//x/", "//x", "/x//", "/extensions/x/{a b}/",
                          "/extensions/x/{}/", "/extensions/x/{1a}/", "/extensions/x/pre{a}/", "/extensions/x/../y/",
                          "/extensions/x/./y/", "/extensions/x/a?b/", "/extensions/x/a%20b/", "/x/{a}/{a}/"}) {
    EXPECT_NE(pathPatternError(bad), "") << bad;
    EXPECT_THROW(PathPattern{bad}, std::invalid_argument) << bad;
  }
  EXPECT_EQ(pathPatternError("/x/{a}/{a}/"), "duplicate parameter {a}");
}

TEST(PathPattern, DecodesParametersOnceAndStrictly) {
  auto params = matchPathPattern("/extensions/x/hook/{token}/{id}/", "/extensions/x/hook/a%2Fb%20c/42/");
  ASSERT_TRUE(params);
  EXPECT_EQ(*params, (PathParams{{"token", "a/b c"}, {"id", "42"}}));
  EXPECT_EQ(matchPathPattern("/x/{v}", "/x/%2541"), (PathParams{{"v", "%41"}})) << "decoded once, not twice";
  EXPECT_EQ(matchPathPattern("/x/{v}", "/x/a+b"), (PathParams{{"v", "a+b"}})) << "'+' is not a space in a path";
  EXPECT_FALSE(matchPathPattern("/x/{v}", "/x/%zz"));
  EXPECT_FALSE(matchPathPattern("/x/{v}", "/x/%2"));
  EXPECT_FALSE(matchPathPattern("/x/{v}/", "/x//"));
}

TEST(PathPattern, LiteralsCompareRawSegments) {
  EXPECT_TRUE(matchPathPattern("/api/0/x/", "/api/0/x"));
  EXPECT_FALSE(matchPathPattern("/api/0/x/", "/api/0/%78/")) << "an encoded literal is another segment";
  EXPECT_FALSE(matchPathPattern("/api/0/x/", "/api/0/X/"));
}

TEST(PathPattern, SplitsLikeTheHostAlwaysDid) {
  EXPECT_EQ(splitPath("/a/b/"), (std::vector<std::string_view>{"a", "b"}));
  EXPECT_EQ(splitPath("//a/b"), (std::vector<std::string_view>{"a", "b"}));
  EXPECT_EQ(splitPath("/a//b"), (std::vector<std::string_view>{"a", "", "b"}));
  EXPECT_EQ(splitPath("/a/b//"), (std::vector<std::string_view>{"a", "b", ""})) << "one trailing slash only";
  EXPECT_TRUE(splitPath("/").empty());
  EXPECT_TRUE(splitPath("").empty());
}

class RouteTableTest : public ::testing::Test {
 protected:
  void SetUp() override {
    table.add("GET", "/api/0/organizations/{org}/issues/{id}/");       // 0
    table.add("PUT", "/api/0/organizations/{org}/issues/{id}/");       // 1
    table.add("GET", "/extensions/{pluginKey}/setup/");                // 2
    table.add("GET", "/extensions/jira-server/setup/");                // 3
    table.add("GET", "/healthz");                                      // 4
    table.add("GET", "/rest/api/2/issue/{key}");                       // 5
    table.add("GET", "/rest/api/2/issue/createmeta");                  // 6
  }
  RouteTable table;
};

TEST_F(RouteTableTest, FindsTheRouteAndItsDecodedParameters) {
  RouteMatch m = table.match("GET", "/api/0/organizations/acme%20co/issues/42/");
  ASSERT_EQ(m.kind, RouteMatch::Kind::Found);
  EXPECT_EQ(m.index, 0u);
  EXPECT_EQ(m.params, (PathParams{{"org", "acme co"}, {"id", "42"}}));
  EXPECT_EQ(table.pattern(m.index), "/api/0/organizations/{org}/issues/{id}/");
}

TEST_F(RouteTableTest, IgnoresOneTrailingSlash) {
  EXPECT_EQ(table.match("GET", "/api/0/organizations/acme/issues/1").kind, RouteMatch::Kind::Found);
  EXPECT_EQ(table.match("GET", "/healthz/").kind, RouteMatch::Kind::Found);
  EXPECT_EQ(table.match("GET", "/healthz").kind, RouteMatch::Kind::Found);
  EXPECT_EQ(table.match("GET", "/healthz//").kind, RouteMatch::Kind::NotFound);
}

TEST_F(RouteTableTest, TheMostLiteralPatternWinsWhateverTheOrder) {
  EXPECT_EQ(table.match("GET", "/extensions/jira-server/setup/").index, 3u);
  EXPECT_EQ(table.match("GET", "/extensions/other/setup/").index, 2u);
  EXPECT_EQ(table.match("GET", "/rest/api/2/issue/createmeta").index, 6u) << "registered after the template";
  EXPECT_EQ(table.match("GET", "/rest/api/2/issue/OPS-1").index, 5u);
}

TEST_F(RouteTableTest, AKnownPathWithAnotherMethodIsMethodNotAllowed) {
  RouteMatch m = table.match("DELETE", "/api/0/organizations/acme/issues/1/");
  EXPECT_EQ(m.kind, RouteMatch::Kind::MethodNotAllowed);
  EXPECT_EQ(m.allowedMethods, (std::vector<std::string>{"GET", "PUT"}));
  EXPECT_TRUE(table.match("GET", "/api/0/organizations/acme/issues/1/").allowedMethods.empty());
}

TEST_F(RouteTableTest, UnknownPathsAreNotFound) {
  EXPECT_EQ(table.match("GET", "/api/0/organizations/acme/issues/").kind, RouteMatch::Kind::NotFound);
  EXPECT_EQ(table.match("GET", "/api/0/organizations/acme/issues/1/extra/").kind, RouteMatch::Kind::NotFound);
  EXPECT_EQ(table.match("GET", "/").kind, RouteMatch::Kind::NotFound);
  EXPECT_EQ(table.match("GET", "/api/0/organizations//issues/1/").kind, RouteMatch::Kind::NotFound);
  EXPECT_EQ(table.match("GET", "/api/0/organizations/%zz/issues/1/").kind, RouteMatch::Kind::NotFound);
}

TEST_F(RouteTableTest, AFilterLeavesRoutesOut) {
  // The mock's routes of another Jira version: without createmeta, the template takes the path.
  RouteMatch m = table.match("GET", "/rest/api/2/issue/createmeta", [](size_t index) { return index != 6; });
  ASSERT_EQ(m.kind, RouteMatch::Kind::Found);
  EXPECT_EQ(m.index, 5u);
  EXPECT_EQ(m.params, (PathParams{{"key", "createmeta"}}));
  EXPECT_EQ(table.match("GET", "/healthz", [](size_t) { return false; }).kind, RouteMatch::Kind::NotFound);
}

TEST_F(RouteTableTest, RefusesRoutesNoPathCouldTellApart) {
  EXPECT_THROW(table.add("GET", "/healthz/"), std::invalid_argument);
  EXPECT_THROW(table.add("GET", "/api/0/organizations/{o}/issues/{i}"), std::invalid_argument);
  EXPECT_THROW(table.add("GET", "healthz"), std::invalid_argument);
  EXPECT_NO_THROW(table.add("POST", "/healthz"));
  EXPECT_EQ(table.size(), 8u);
}

}  // namespace
}  // namespace ih::routing
