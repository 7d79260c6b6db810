// Pure helpers of the client and setup folders: URL parts, the Django-like
// URL validator, text helpers, the TTL cache, error texts. (The codecs they
// use are the SDK's, tested in tests/unit/codec.)
#include <gtest/gtest.h>

#include "client/api_error.h"
#include "client/ttl_cache.h"
#include "client/url_parts.h"
#include "common/strings.h"
#include "setup/integration_builder.h"
#include "setup/url_validator.h"
#include "sync/status_decision.h"

namespace ih::jira {
namespace {

TEST(UrlParts, NetlocKeepsPortAndUserinfo) {
  EXPECT_EQ(url::netloc("https://jira.example.test/jira"), "jira.example.test");
  EXPECT_EQ(url::netloc("http://127.0.0.1:8090"), "127.0.0.1:8090");
  EXPECT_EQ(url::netloc("https://u:p@jira.example.test:8443/x?y#z"), "u:p@jira.example.test:8443");
  EXPECT_EQ(url::netloc("not a url"), "");
}

TEST(UrlParts, LastPathSegment) {
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
  // Anything but Jira's structured messages stays out of the text: the URL is
  // the installer's, and an internal service's answer must not come back (SSRF).
  response.body = "INTERNAL-SECRET root:x:0:0";
  EXPECT_EQ(ApiError::fromResponse(response).text(), "Jira answered HTTP 503");
  response.body = R"({"errorMessages":["No project"],"errors":{"summary":"required"},"secret":"INTERNAL-SECRET"})";
  EXPECT_EQ(ApiError::fromResponse(response).text(), "No project summary: required");
  response.body = R"({"messages":[{"key":"k","message":"URL taken"}]})";
  EXPECT_EQ(ApiError::fromResponse(response).text(), "URL taken");
  response.body = "oauth_problem=x&detail=INTERNAL-SECRET";
  EXPECT_EQ(ApiError::fromResponse(response).text(), "oauth_problem=x");
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
