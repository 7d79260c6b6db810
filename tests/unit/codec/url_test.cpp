// The one percent codec (ihp/sdk/url.hpp), against RFC 5849's own examples
// (§3.6 encoding and the decoded/re-encoded parameters of §3.4.1.3), the
// OAuth 1.0 test cases, and the lenient/strict decoding rules.
#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "ihp/sdk/url.hpp"

namespace ihp::sdk::url {
namespace {

using Pair = std::pair<std::string, std::string>;

TEST(PercentEncode, KeepsOnlyRfc3986UnreservedCharacters) {
  // RFC 5849 §3.6: ALPHA, DIGIT, "-", ".", "_", "~" unencoded; every other
  // byte %XX with uppercase hex (the OAuth 1.0 test cases, wiki.oauth.net).
  const Pair vectors[] = {{"abcABC123", "abcABC123"},
                          {"-._~", "-._~"},
                          {"%", "%25"},
                          {"+", "%2B"},
                          {"&=*", "%26%3D%2A"},
                          {"\n", "%0A"},
                          {" ", "%20"},
                          {"\x7f", "%7F"},
                          {"\xc2\x80", "%C2%80"},        // U+0080
                          {"\xe3\x80\x81", "%E3%80%81"},  // U+3001
                          {"Ladies + Gentlemen", "Ladies%20%2B%20Gentlemen"},
                          {"An encoded string!", "An%20encoded%20string%21"},
                          {std::string("\0", 1), "%00"}};
  for (const auto& [text, encoded] : vectors) {
    EXPECT_EQ(percentEncode(text), encoded);
    EXPECT_EQ(percentDecodeStrict(encoded), text) << "and back";
  }
}

TEST(PercentEncode, ReEncodesRfc5849ExampleParameters) {
  // RFC 5849 §3.4.1.3.1 decodes the example request's parameters, and
  // §3.4.1.3.2 prints them encoded again.
  const NameValues query = parseQuery("b5=%3D%253D&a3=a&c%40=&a2=r%20b");
  const NameValues body = parseQuery("c2&a3=2+q");
  EXPECT_EQ(query, (NameValues{{"b5", "=%3D"}, {"a3", "a"}, {"c@", ""}, {"a2", "r b"}}));
  EXPECT_EQ(body, (NameValues{{"c2", ""}, {"a3", "2 q"}}));
  EXPECT_EQ(percentEncode("=%3D"), "%3D%253D");
  EXPECT_EQ(percentEncode("c@"), "c%40");
  EXPECT_EQ(percentEncode("r b"), "r%20b");
  EXPECT_EQ(percentEncode("2 q"), "2%20q");
}

TEST(PercentDecode, LenientKeepsMalformedEscapes) {
  EXPECT_EQ(percentDecode("a%20b%2Fc"), "a b/c");
  EXPECT_EQ(percentDecode("100%"), "100%");
  EXPECT_EQ(percentDecode("%zz%41"), "%zzA");
  EXPECT_EQ(percentDecode("%4"), "%4");
  EXPECT_EQ(percentDecode("a+b"), "a+b");
  EXPECT_EQ(percentDecode("a+b", true), "a b");
  EXPECT_EQ(percentDecode("%2541"), "%41") << "decoded once";
}

TEST(PercentDecode, StrictRefusesMalformedEscapes) {
  EXPECT_EQ(percentDecodeStrict("a%20b"), "a b");
  EXPECT_EQ(percentDecodeStrict("a+b"), "a+b");
  EXPECT_EQ(percentDecodeStrict("%zz"), std::nullopt);
  EXPECT_EQ(percentDecodeStrict("%2"), std::nullopt);
  EXPECT_EQ(percentDecodeStrict("%"), std::nullopt);
  EXPECT_EQ(percentDecodeStrict(""), "");
}

TEST(Query, ParsesLikeParseQslWithBlankValues) {
  NameValues q = parseQuery("oauth_token=T%2B1&oauth_verifier=&flag&&x=a+b&=e");
  EXPECT_EQ(q, (NameValues{{"oauth_token", "T+1"}, {"oauth_verifier", ""}, {"flag", ""}, {"x", "a b"}, {"", "e"}}));
  EXPECT_TRUE(parseQuery("").empty());
}

TEST(Query, FormEncodingRoundTrips) {
  const NameValues pairs = {{"oauth_token", "a+b c"}, {"oauth_token_secret", "x/y=z"}, {"empty", ""}};
  const std::string encoded = formEncode(pairs);
  EXPECT_EQ(encoded, "oauth_token=a%2Bb%20c&oauth_token_secret=x%2Fy%3Dz&empty=");
  EXPECT_EQ(parseQuery(encoded), pairs);
}

}  // namespace
}  // namespace ihp::sdk::url
