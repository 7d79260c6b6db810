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
#include "client/rate_limits.h"
#include "sync/status_decision.h"
#include "ihp/sdk/utf8.hpp"

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

// Valid as a URL, but the install refuses it: a user and password in the
// authority would reach the integration's name and links.
TEST(UrlValidator, TellsAUrlThatNamesAUser) {
  for (const char* named :
       {"https://user:pw@jira.example.com/", "https://user@jira.example.com", "http://a:@h.example/"}) {
    EXPECT_TRUE(namesAUser(named)) << named;
  }
  for (const char* plain : {"https://jira.example.com/", "https://jira.example.com/path@x", "https://j.example?u=a@b",
                            "https://j.example#a@b", "jira.example.com"}) {
    EXPECT_FALSE(namesAUser(plain)) << plain;
  }
}

TEST(Strings, TrimAndTruncateLikePython) {
  EXPECT_EQ(trimWhitespace(" \t\n x y \r\f"), "x y");
  EXPECT_EQ(stripTrailing("https://a/b///", '/'), "https://a/b");
  EXPECT_EQ(ihp::sdk::utf8::codePoints("h\xc3\xa9llo"), 5u);
  EXPECT_EQ(ihp::sdk::utf8::prefix("h\xc3\xa9llo", 2), "h\xc3\xa9");
  EXPECT_EQ(ihp::sdk::utf8::prefix("abc", 10), "abc");
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
  EXPECT_EQ(ihp::sdk::utf8::codePoints(externalIdFor("https://j.example.test", accented)), 64u);
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

TEST(StatusDecision, TheDoneCategoryResolvesEveryOtherUnresolves) {
  EXPECT_EQ(decideFromCategory("done"), StatusDecision::Resolve);
  for (const char* category : {"new", "indeterminate", "undefined", ""}) {
    EXPECT_EQ(decideFromCategory(category), StatusDecision::Unresolve) << category;
  }
  const std::vector<JiraStatus> statuses = {{"1", "Open", "new"}, {"10001", "Done", "done"}};
  EXPECT_EQ(categoryOf("10001", statuses), std::optional<std::string>("done"));
  EXPECT_EQ(categoryOf("1", statuses), std::optional<std::string>("new"));
  EXPECT_EQ(categoryOf("7", statuses), std::nullopt);
}

ihp::sdk::HttpResponse limitedAnswer(int32_t status, const std::string& remaining,
                                     std::optional<std::string> retryAfter = std::nullopt) {
  ihp::sdk::HttpResponse response;
  response.status = status;
  response.headers = {{"X-RateLimit-Limit", "4"}, {"X-RateLimit-Remaining", remaining},
                      {"X-RateLimit-Interval-Seconds", "1"}, {"X-RateLimit-FillRate", "2"}};
  if (retryAfter) response.headers.emplace_back("Retry-After", *retryAfter);
  return response;
}

TEST(RateLimits, UnpacedUntilJiraTellsItsLimits) {
  RateLimits limits;
  for (int call = 0; call < 100; ++call) EXPECT_EQ(limits.reserve(7, 1000, 2000), 0);
  ihp::sdk::HttpResponse plain;
  plain.status = 200;
  limits.observe(7, plain, 1000);
  EXPECT_EQ(limits.reserve(7, 1000, 2000), 0);
}

TEST(RateLimits, PacesAtTheFillRateOnceTheAnnouncedTokensAreUsed) {
  RateLimits limits;
  limits.observe(7, limitedAnswer(200, "2"), 1000);
  EXPECT_EQ(limits.reserve(7, 1000, 2000), 0);
  EXPECT_EQ(limits.reserve(7, 1000, 2000), 0);
  // 2 tokens a second: the next ones every 500 ms, reserved in turn.
  EXPECT_EQ(limits.reserve(7, 1000, 2000), 500);
  EXPECT_EQ(limits.reserve(7, 1000, 2000), 1000);
  // Another integration has its own bucket.
  EXPECT_EQ(limits.reserve(8, 1000, 2000), 0);
  // Beyond the caller's patience nothing is reserved: the wait is told.
  EXPECT_EQ(limits.reserve(7, 1000, 1000), 1500);
  EXPECT_EQ(limits.reserve(7, 2500, 2000), 0);
}

TEST(RateLimits, A429HoldsEveryCallerUntilRetryAfter) {
  RateLimits limits;
  limits.observe(7, limitedAnswer(200, "4"), 1000);
  limits.observe(7, limitedAnswer(429, "0", "3"), 1000);
  EXPECT_EQ(limits.reserve(7, 1000, 10000), 3000);
  EXPECT_EQ(limits.reserve(7, 1000, 10000), 3500) << "the next caller queues behind at the fill rate";
  EXPECT_EQ(limits.reserve(7, 1000, 100), 4000) << "and a short-tempered one is told how long";
}

TEST(RateLimits, ABare429HoldsCallersForRetryAfter) {
  RateLimits limits;
  ihp::sdk::HttpResponse bare;
  bare.status = 429;
  bare.headers = {{"Retry-After", "2"}};
  limits.observe(7, bare, 1000);
  EXPECT_EQ(limits.reserve(7, 1000, 5000), 2000);
  EXPECT_EQ(limits.reserve(7, 3000, 5000), 0);
}

TEST(ApiErrors, APacedCallIsATransient429WithItsWait) {
  const ApiError paced = ApiError::paced(1500);
  EXPECT_TRUE(paced.isTransient());
  EXPECT_EQ(paced.status(), 429);
  EXPECT_EQ(paced.retryAfterMs(), std::optional<int64_t>(1500));
}

}  // namespace
}  // namespace ih::jira
