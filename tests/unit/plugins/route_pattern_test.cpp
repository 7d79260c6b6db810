// Unit tests for plugin route patterns: syntax check and matching.
#include <gtest/gtest.h>

#include "plugins/route_pattern.h"

namespace ih::host::plugins {
namespace {

TEST(RoutePattern, ValidPatterns) {
  EXPECT_EQ(routePatternError("/extensions/jira-server/issue-updated/{token}/"), "");
  EXPECT_EQ(routePatternError("/extensions/jira_server/search/{org}/{integrationId}/"), "");
  EXPECT_EQ(routePatternError("/extensions/x/setup/"), "");
}

TEST(RoutePattern, InvalidPatterns) {
  EXPECT_NE(routePatternError("extensions/x/"), "");
  EXPECT_NE(routePatternError("/extensions//x/"), "");
  EXPECT_NE(routePatternError("/extensions/x/{a b}/"), "");
  EXPECT_NE(routePatternError("/extensions/x/{}/"), "");
  EXPECT_NE(routePatternError("/extensions/x/pre{a}/"), "");
  EXPECT_NE(routePatternError("/extensions/x/{a}/{a}/"), "");
  EXPECT_NE(routePatternError("/extensions/x/../y/"), "");
  EXPECT_NE(routePatternError("/extensions/x/a?b/"), "");
  EXPECT_EQ(routePatternError("/extensions/x/{a}/{a}/"), "duplicate parameter {a}");
}

TEST(RoutePattern, MatchesAndDecodesParameters) {
  auto params = matchRoutePattern("/extensions/x/hook/{token}/{id}/", "/extensions/x/hook/a%2Fb%20c/42/");
  ASSERT_TRUE(params.has_value());
  ASSERT_EQ(params->size(), 2u);
  EXPECT_EQ((*params)[0], (std::pair<std::string, std::string>{"token", "a/b c"}));
  EXPECT_EQ((*params)[1], (std::pair<std::string, std::string>{"id", "42"}));
}

TEST(RoutePattern, TrailingSlashDifferenceIsTolerated) {
  EXPECT_TRUE(matchRoutePattern("/extensions/x/setup/", "/extensions/x/setup").has_value());
}

TEST(RoutePattern, Mismatches) {
  EXPECT_FALSE(matchRoutePattern("/extensions/x/hook/{t}/", "/extensions/x/hook/").has_value());
  EXPECT_FALSE(matchRoutePattern("/extensions/x/hook/{t}/", "/extensions/x/hook/a/b/").has_value());
  EXPECT_FALSE(matchRoutePattern("/extensions/x/hook/{t}/", "/extensions/y/hook/a/").has_value());
  EXPECT_FALSE(matchRoutePattern("/extensions/x/hook/{t}/", "/extensions/x/hook/%zz/").has_value());
  EXPECT_FALSE(matchRoutePattern("/extensions/x/hook/{t}/", "/extensions/x/hook/%2/").has_value());
}

}  // namespace
}  // namespace ih::host::plugins
