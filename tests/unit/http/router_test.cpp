// http::Router: the host's routes on the shared route matcher (whose rules
// are tested in tests/unit/codec/route_table_test.cpp) hand back the route to
// run, its decoded parameters, and the methods for a 405's Allow header.
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
  }
  int run(const RouteMatch& m) {
    RequestContext ctx;
    return m.route->handler(ctx).status;
  }
  Router router;
};

TEST_F(RouterTest, FindsTheHandlerWithDecodedParameters) {
  RouteMatch m = router.match("PUT", "/api/0/organizations/acme%20co/issues/42");
  ASSERT_EQ(m.kind, RouteMatch::Kind::Found);
  EXPECT_EQ(m.route->pattern, "/api/0/organizations/{org}/issues/{id}/");
  EXPECT_EQ(run(m), 201);
  EXPECT_EQ(m.pathParams, (NameValues{{"org", "acme co"}, {"id", "42"}}));
  EXPECT_EQ(run(router.match("GET", "/extensions/jira-server/setup/")), 203) << "the most literal pattern";
  EXPECT_EQ(run(router.match("GET", "/extensions/other/setup/")), 202);
}

TEST_F(RouterTest, WrongMethodOnAKnownPathIs405WithTheAllowedMethods) {
  RouteMatch m = router.match("DELETE", "/api/0/organizations/acme/issues/1/");
  EXPECT_EQ(m.kind, RouteMatch::Kind::MethodNotAllowed);
  EXPECT_EQ(m.allowedMethods, (std::vector<std::string>{"GET", "PUT"}));
  EXPECT_EQ(m.route, nullptr);
  EXPECT_EQ(router.match("GET", "/nowhere/").kind, RouteMatch::Kind::NotFound);
}

TEST_F(RouterTest, RejectsDuplicatesAndMalformedPatterns) {
  EXPECT_THROW(router.add("GET", "/extensions/jira-server/setup", answer(200)), std::invalid_argument);
  EXPECT_THROW(router.add("GET", "healthz", answer(200)), std::invalid_argument);
  EXPECT_NO_THROW(router.add("POST", "/extensions/jira-server/setup/", answer(200)));
  EXPECT_EQ(router.routes().size(), 5u);
}

}  // namespace
}  // namespace ih::host::http
