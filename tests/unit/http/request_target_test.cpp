// Request targets: splitting into raw path and query, and the decoded query
// a RequestContext offers (the percent codec itself is tested in tests/unit/codec).
#include <gtest/gtest.h>

#include "http/request_context.h"
#include "http/request_target.h"

namespace ih::host::http {
namespace {

TEST(RequestTargetTest, SplitsPathAndQuery) {
  RequestTarget t = splitTarget("/a/b?x=1&y=2#frag");
  EXPECT_EQ(t.path, "/a/b");
  EXPECT_EQ(t.rawQuery, "x=1&y=2");
  EXPECT_EQ(splitTarget("http://host:1/p?q").path, "/p");
  EXPECT_EQ(splitTarget("").path, "/");
}

TEST(RequestContextTest, ParsesTheTargetAndLooksThingsUp) {
  RequestContext ctx("GET", "/x/?action=link&project=10");
  ctx.headers = {{"authorization", "Bearer t"}};
  EXPECT_EQ(ctx.path, "/x/");
  EXPECT_EQ(ctx.queryParam("action"), "link");
  EXPECT_EQ(RequestContext("GET", "/x?q=a+b%21").queryParam("q"), "a b!");
  EXPECT_EQ(ctx.queryParam("missing"), std::nullopt);
  EXPECT_EQ(ctx.header("authorization"), "Bearer t");
  EXPECT_THROW(ctx.pathParam("org"), std::logic_error);
}

}  // namespace
}  // namespace ih::host::http
