// Pure helpers of the client and setup folders: time parsing, URL codecs,
// the Django-like URL validator, text helpers, the TTL cache, error texts.
#include <gtest/gtest.h>

#include "client/api_error.h"
#include "client/jira_time.h"
#include "client/ttl_cache.h"
#include "client/url_codec.h"
#include "common/strings.h"
#include "setup/integration_builder.h"
#include "setup/url_validator.h"
#include "sync/status_decision.h"

namespace ih::jira {
namespace {

TEST(JiraTime, ParsesJiraFormatWithOffsetWithoutColon) {
  EXPECT_EQ(parseJiraTime("2024-06-10T09:13:20.123+0000"), 1718010800123);
  EXPECT_EQ(parseJiraTime("2024-06-10T11:13:20.123+0200"), 1718010800123);
  EXPECT_EQ(parseJiraTime("2024-06-10T04:13:20.123-0500"), 1718010800123);
  EXPECT_EQ(parseJiraTime("2024-06-10T09:13:20.123+00:00"), 1718010800123);
  EXPECT_EQ(parseJiraTime("2024-06-10T09:13:20Z"), 1718010800000);
  EXPECT_EQ(parseJiraTime("2024-06-10T09:13:20.1234567+0000"), 1718010800123);
  EXPECT_EQ(parseJiraTime("1970-01-01T00:00:00.000+0000"), 0);
  EXPECT_EQ(parseJiraTime("2024-02-29T00:00:00.000+0000"), 1709164800000);
}

TEST(JiraTime, RejectsMalformedTimes) {
  for (const char* bad : {"", "yesterday", "2024-06-10", "2024-06-10 09:13:20", "2024-13-10T09:13:20.123+0000",
                          "2023-02-29T00:00:00+0000", "2024-06-10T25:13:20+0000", "2024-06-10T09:13:20.+0000",
                          "2024-06-10T09:13:20.123+0", "2024-06-10T09:13:20.123+0000x"}) {
    EXPECT_FALSE(parseJiraTime(bad)) << bad;
  }
}

TEST(UrlCodec, NetlocKeepsPortAndUserinfo) {
  EXPECT_EQ(url::netloc("https://jira.example.test/jira"), "jira.example.test");
  EXPECT_EQ(url::netloc("http://127.0.0.1:8090"), "127.0.0.1:8090");
  EXPECT_EQ(url::netloc("https://u:p@jira.example.test:8443/x?y#z"), "u:p@jira.example.test:8443");
  EXPECT_EQ(url::netloc("not a url"), "");
}

TEST(UrlCodec, FormParsingDecodes) {
  auto form = url::parseForm("oauth_token=a%2Bb&oauth_token_secret=c+d&flag&=e");
  ASSERT_EQ(form.size(), 4u);  // Python's parse_qsl(keep_blank_values=True) keeps "=e" as ("", "e")
  EXPECT_EQ(form[0], std::make_pair(std::string("oauth_token"), std::string("a+b")));
  EXPECT_EQ(form[1], std::make_pair(std::string("oauth_token_secret"), std::string("c d")));
  EXPECT_EQ(form[2], std::make_pair(std::string("flag"), std::string()));
}

TEST(UrlCodec, PercentEncodingAndSegments) {
  EXPECT_EQ(url::percentEncode("a b/c~d"), "a%20b%2Fc~d");
  EXPECT_EQ(url::percentDecode("%zz%41", false), "%zzA");
  EXPECT_EQ(url::lastPathSegment("https://j/rest/webhooks/1.0/webhook/5"), "5");
  EXPECT_EQ(url::lastPathSegment("https://j/rest/webhooks/1.0/webhook/5/?x=1"), "5");
}

TEST(UrlValidator, AcceptsWhatDjangoAccepts) {
  for (const char* good : {"https://jira.example.test", "http://jira.example.com/jira", "HTTPS://Jira.Example.COM",
                           "http://127.0.0.1:8090", "http://localhost:2990/jira", "ftp://files.example.org",
                           "ftps://files.example.org", "http://[::1]:8080/", "https://user:pw@jira.example.com/",
                           "http://jira.example.com.:80/?q#f", "https://xn--bcher-kva.example", "http://0.0.0.0"}) {
    EXPECT_TRUE(isValidJiraUrl(good)) << good;
  }
}

TEST(UrlValidator, RejectsWhatDjangoRejects) {
  for (const char* bad : {"", "jira.example.com", "mailto:a@example.com", "file:///etc/passwd", "http://jira",
                          "http://", "http://exa mple.com", "http://example.com/a b", "gopher://example.com",
                          "http://-bad.example.com", "http://bad-.example.com", "http://example.c0m",
                          "http://256.1.1.1", "http://01.1.1.1", "http://example.com:99999", "http://example.com:x",
                          "http://[zz::1]", "http://a..b.com", "http://example.com\n"}) {
    EXPECT_FALSE(isValidJiraUrl(bad)) << bad;
  }
}

TEST(Strings, TrimAndTruncateLikePython) {
  EXPECT_EQ(trimWhitespace(" \t\n x y \r\f"), "x y");
  EXPECT_EQ(stripTrailing("https://a/b///", '/'), "https://a/b");
  EXPECT_EQ(utf8Length("h\xc3\xa9llo"), 5u);
  EXPECT_EQ(utf8Prefix("h\xc3\xa9llo", 2), "h\xc3\xa9");
  EXPECT_EQ(utf8Prefix("abc", 10), "abc");
  EXPECT_EQ(hexEncode(std::string("\x00\xff\x10", 3)), "00ff10");
  EXPECT_TRUE(isLowerHex("09af"));
  EXPECT_FALSE(isLowerHex("09AF"));
}

TEST(ExternalId, IsNetlocColonConsumerKeyCutTo64Characters) {
  EXPECT_EQ(externalIdFor("https://jira.example.test/jira", "host-consumer"), "jira.example.test:host-consumer");
  EXPECT_EQ(externalIdFor("http://127.0.0.1:8090", "k"), "127.0.0.1:8090:k");
  std::string longKey(200, 'k');
  std::string id = externalIdFor("https://jira.example.test:8443", longKey);
  EXPECT_EQ(id.size(), 64u);
  EXPECT_EQ(id, "jira.example.test:8443:" + std::string(64 - 23, 'k'));
  // Cut by characters, never inside a UTF-8 sequence.
  std::string accented;
  for (int i = 0; i < 70; ++i) accented += "\xc3\xa9";
  EXPECT_EQ(utf8Length(externalIdFor("https://j.example.test", accented)), 64u);
}

TEST(TtlCache, ExpiresAndStaysBounded) {
  TtlCache<int, std::string> cache(1000, 2);
  cache.put(1, "a", 0);
  EXPECT_EQ(cache.get(1, 999), "a");
  EXPECT_FALSE(cache.get(1, 1000));
  cache.put(2, "b", 10);
  cache.put(3, "c", 20);
  cache.put(4, "d", 30);  // full: evicts the entry closest to expiry
  EXPECT_LE(cache.size(), 2u);
  EXPECT_EQ(cache.get(4, 30), "d");
}

TEST(ApiErrorText, MatchesSentrysTexts) {
  ihp::sdk::HttpResponse response;
  response.status = 503;
  response.body = "oauth_problem=down";
  EXPECT_EQ(ApiError::fromResponse(response).text(), "oauth_problem=down");
  EXPECT_TRUE(ApiError::fromResponse(response).isTransient());
  EXPECT_EQ(ApiError::fromTransport(IHP_E_UNREACHABLE, "jira.example.test").text(),
            "Unable to reach host: jira.example.test");
  EXPECT_EQ(ApiError::fromTransport(IHP_E_TIMEOUT, "jira.example.test").text(),
            "Timed out attempting to reach host: jira.example.test");
  EXPECT_EQ(ApiError::fromTransport(IHP_E_RESET, "jira.example.test").text(), "Connection reset by peer");
  // Better than Sentry: the cause the host reported (ABI 1.1), when it did.
  EXPECT_EQ(ApiError::fromTransport(IHP_E_UNREACHABLE, "jira.corp:8443", "TLS: certificate verify failed").text(),
            "Unable to reach host: jira.corp:8443 (TLS: certificate verify failed)");
  EXPECT_TRUE(ApiError::fromTransport(IHP_E_UNREACHABLE, "jira.corp:8443", "TLS: x").isTransient());
  response.status = 429;
  response.headers = {{"Retry-After", "7"}};
  EXPECT_EQ(ApiError::fromResponse(response).retryAfterMs(), 7000);
  response.status = 401;
  EXPECT_TRUE(ApiError::fromResponse(response).isUnauthorized());
  EXPECT_FALSE(ApiError::fromResponse(response).isTransient());
}

TEST(StatusDecision, FollowsTheDoneCategory) {
  std::set<std::string> done = doneStatusIds({{"1", "Open", "new"}, {"3", "In Progress", "indeterminate"},
                                              {"10001", "Done", "done"}, {"10002", "Closed", "done"}});
  EXPECT_EQ(done, (std::set<std::string>{"10001", "10002"}));
  EXPECT_EQ(decideStatusAction("1", "10001", done), StatusDecision::Resolve);
  EXPECT_EQ(decideStatusAction("10001", "3", done), StatusDecision::Unresolve);
  EXPECT_EQ(decideStatusAction("10001", "10002", done), StatusDecision::Nothing);
  EXPECT_EQ(decideStatusAction("1", "3", done), StatusDecision::Nothing);
  EXPECT_EQ(decideStatusAction("", "", done), StatusDecision::Nothing);
}

}  // namespace
}  // namespace ih::jira
