// URL helpers: target splitting, percent-decoding, query parsing.
#include <gtest/gtest.h>

#include "http/request_context.h"
#include "http/url_codec.h"

namespace ih::host::http {
namespace {

TEST(UrlCodecTest, SplitsPathAndQuery) {
  RequestTarget t = splitTarget("/a/b?x=1&y=2#frag");
  EXPECT_EQ(t.path, "/a/b");
  EXPECT_EQ(t.rawQuery, "x=1&y=2");
  EXPECT_EQ(splitTarget("http://host:1/p?q").path, "/p");
  EXPECT_EQ(splitTarget("").path, "/");
}

TEST(UrlCodecTest, PercentDecodes) {
  EXPECT_EQ(percentDecode("a%20b%2Fc"), "a b/c");
  EXPECT_EQ(percentDecode("100%"), "100%");
  EXPECT_EQ(percentDecode("%zz"), "%zz");
  EXPECT_EQ(percentDecode("a+b"), "a+b");
  EXPECT_EQ(percentDecode("a+b", true), "a b");
}

TEST(UrlCodecTest, ParsesQueries) {
  NameValues q = parseQuery("oauth_token=T%2B1&oauth_verifier=&flag&&x=a+b");
  ASSERT_EQ(q.size(), 4u);
  EXPECT_EQ(q[0], (std::pair<std::string, std::string>{"oauth_token", "T+1"}));
  EXPECT_EQ(q[1], (std::pair<std::string, std::string>{"oauth_verifier", ""}));
  EXPECT_EQ(q[2], (std::pair<std::string, std::string>{"flag", ""}));
  EXPECT_EQ(q[3], (std::pair<std::string, std::string>{"x", "a b"}));
  EXPECT_TRUE(parseQuery("").empty());
}

TEST(RequestContextTest, ParsesTheTargetAndLooksThingsUp) {
  RequestContext ctx("GET", "/x/?action=link&project=10");
  ctx.headers = {{"authorization", "Bearer t"}};
  EXPECT_EQ(ctx.path, "/x/");
  EXPECT_EQ(ctx.queryParam("action"), "link");
  EXPECT_EQ(ctx.queryParam("missing"), std::nullopt);
  EXPECT_EQ(ctx.header("authorization"), "Bearer t");
  EXPECT_THROW(ctx.pathParam("org"), std::logic_error);
}

}  // namespace
}  // namespace ih::host::http
