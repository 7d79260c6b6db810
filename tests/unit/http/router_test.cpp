// Router: pattern matching, trailing-slash tolerance, parameters,
// specificity, and 405 versus 404.
#include <gtest/gtest.h>

#include "http/router.h"

namespace ih::host::http {
namespace {

Handler answer(int status) {
  return [status](RequestContext&) { return Response::json(status, "{}"); };
}

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router.add("GET", "/api/0/organizations/{org}/issues/{id}/", answer(200));
    router.add("PUT", "/api/0/organizations/{org}/issues/{id}/", answer(201));
    router.add("GET", "/extensions/{pluginKey}/setup/", answer(202));
    router.add("GET", "/extensions/jira-server/setup/", answer(203));
    router.add("GET", "/healthz", answer(204));
  }
  Router router;
};

TEST_F(RouterTest, MatchesParametersAndDecodesThem) {
  RouteMatch m = router.match("GET", "/api/0/organizations/acme%20co/issues/42/");
  ASSERT_EQ(m.kind, RouteMatch::Kind::Found);
  EXPECT_EQ(m.route->pattern, "/api/0/organizations/{org}/issues/{id}/");
  ASSERT_EQ(m.pathParams.size(), 2u);
  EXPECT_EQ(m.pathParams[0], (std::pair<std::string, std::string>{"org", "acme co"}));
  EXPECT_EQ(m.pathParams[1], (std::pair<std::string, std::string>{"id", "42"}));
}

TEST_F(RouterTest, ToleratesAMissingOrExtraTrailingSlash) {
  EXPECT_EQ(router.match("GET", "/api/0/organizations/acme/issues/1").kind, RouteMatch::Kind::Found);
  EXPECT_EQ(router.match("GET", "/healthz/").kind, RouteMatch::Kind::Found);
  EXPECT_EQ(router.match("GET", "/healthz").kind, RouteMatch::Kind::Found);
}

TEST_F(RouterTest, WrongMethodOnAKnownPathIs405WithTheAllowedMethods) {
  RouteMatch m = router.match("DELETE", "/api/0/organizations/acme/issues/1/");
  EXPECT_EQ(m.kind, RouteMatch::Kind::MethodNotAllowed);
  EXPECT_EQ(m.allowedMethods, (std::vector<std::string>{"GET", "PUT"}));
  EXPECT_EQ(m.route, nullptr);
}

TEST_F(RouterTest, UnknownPathsAre404) {
  EXPECT_EQ(router.match("GET", "/api/0/organizations/acme/issues/").kind, RouteMatch::Kind::NotFound);
  EXPECT_EQ(router.match("GET", "/api/0/organizations/acme/issues/1/extra/").kind, RouteMatch::Kind::NotFound);
  EXPECT_EQ(router.match("GET", "/").kind, RouteMatch::Kind::NotFound);
  // An empty segment never fills a parameter.
  EXPECT_EQ(router.match("GET", "/api/0/organizations//issues/1/").kind, RouteMatch::Kind::NotFound);
}

TEST_F(RouterTest, TheMostLiteralPatternWins) {
  EXPECT_EQ(router.match("GET", "/extensions/jira-server/setup/").route->pattern, "/extensions/jira-server/setup/");
  EXPECT_EQ(router.match("GET", "/extensions/other/setup/").route->pattern, "/extensions/{pluginKey}/setup/");
}

TEST_F(RouterTest, RejectsDuplicatesAndRelativePatterns) {
  EXPECT_THROW(router.add("GET", "/healthz/", answer(200)), std::invalid_argument);
  EXPECT_THROW(router.add("GET", "healthz", answer(200)), std::invalid_argument);
  EXPECT_NO_THROW(router.add("POST", "/healthz", answer(200)));
}

}  // namespace
}  // namespace ih::host::http
