// Browser sign-in over HTTP: the session cookie and its attributes, sign-in
// rotation, idle expiry, sign-out, the CSRF rule for cookie requests, the
// failed-attempt limits, passwords (stored as scrypt, the change rules) and
// the admin-token bootstrap.
#include <gtest/gtest.h>

#include "api_test_host.h"
#include "storage/query.h"

namespace ih::test {
namespace {

constexpr const char* kPassword = "correct horse battery";
constexpr int64_t kHour = 3600 * 1000;

std::string cookieValue(const ApiReply& reply) {
  auto it = reply.headers.find("set-cookie");
  if (it == reply.headers.end()) return "";
  const std::string& header = it->second;
  const size_t start = header.find('=') + 1;
  return header.substr(start, header.find(';') - start);
}

class WebSessionApiTest : public ::testing::Test {
 protected:
  explicit WebSessionApiTest(ApiTestHostOptions options = manualClockOptions()) : host(options) {
    acme = host.seedAcme();
    setPassword(acme.ownerId, kPassword);
  }

  static ApiTestHostOptions manualClockOptions() {
    ApiTestHostOptions options;
    options.manualClock = true;
    options.sessions.idleTimeoutMs = kHour;
    return options;
  }

  void setPassword(const std::string& userId, const std::string& password) {
    ApiReply r = host.put("/api/0/users/" + userId + "/password/", R"({"password":")" + password + "\"}");
    ASSERT_EQ(r.status, 204) << r.describe();
  }

  ApiReply signIn(const std::string& body, const std::string& cookie = "") {
    std::map<std::string, std::string> headers{{"Content-Type", "application/json"}};
    if (!cookie.empty()) headers["Cookie"] = "ih_session=" + cookie;
    return host.call("POST", "/api/0/auth/session/", nullptr, body, headers);
  }
  ApiReply signInOwner(const std::string& password = kPassword) {
    return signIn(R"({"email":"owner@acme.test","password":")" + password + "\"}");
  }
  // A cookie request, with the CSRF header when `csrf` is given.
  ApiReply asBrowser(const std::string& method, const std::string& path, const std::string& cookie,
                     const std::string& body = "", const std::string& csrf = "") {
    std::map<std::string, std::string> headers{{"Cookie", "ih_session=" + cookie}};
    if (!body.empty()) headers["Content-Type"] = "application/json";
    if (!csrf.empty()) headers["X-CSRF-Token"] = csrf;
    return host.call(method, path, nullptr, body, headers);
  }
  void advance(int64_t ms) { host.core().manualClock()->advance(ms); }
  int64_t count(const std::string& sql) {
    auto uow = host.core().begin();
    return host::storage::Query(*uow, sql).scalarInt64();
  }

  ApiTestHost host;
  ApiTestHost::Acme acme;
};

TEST_F(WebSessionApiTest, SignInSetsAnHttpOnlyLaxCookieAndAnswersWhoAndTheCsrfToken) {
  ApiReply r = signInOwner();
  ASSERT_EQ(r.status, 200) << r.describe();
  const std::string setCookie = r.headers["set-cookie"];
  EXPECT_NE(setCookie.find("HttpOnly"), std::string::npos) << setCookie;
  EXPECT_NE(setCookie.find("SameSite=Lax"), std::string::npos) << setCookie;
  EXPECT_NE(setCookie.find("path=/"), std::string::npos) << setCookie;
  EXPECT_EQ(setCookie.find("secure"), std::string::npos) << "http public URL: " << setCookie;
  EXPECT_EQ(r.headers["cache-control"], "no-store");
  EXPECT_EQ(ihp::sdk::json::stringOr(r.json["user"], "email"), "owner@acme.test");
  EXPECT_FALSE(r.json["superuser"].GetBool());
  EXPECT_FALSE(r.str("csrfToken").empty());
  EXPECT_FALSE(r.str("expiresAt").empty());

  ApiReply who = asBrowser("GET", "/api/0/auth/session/", cookieValue(r));
  ASSERT_EQ(who.status, 200) << who.describe();
  EXPECT_EQ(who.str("csrfToken"), r.str("csrfToken"));
  EXPECT_EQ(ihp::sdk::json::stringOr(who.json["user"], "id"), acme.ownerId);
  // Bearer callers are told who they are, without a CSRF token.
  ApiReply bearer = host.get("/api/0/auth/session/", acme.memberToken);
  EXPECT_EQ(bearer.status, 200);
  EXPECT_FALSE(bearer.json.HasMember("csrfToken"));
}

TEST_F(WebSessionApiTest, OnlyHashesAreStored) {
  ApiReply r = signInOwner();
  const std::string token = cookieValue(r);
  auto uow = host.core().begin();
  auto stored =
      host::storage::Query(*uow, "SELECT password_hash FROM users WHERE id = ?").bind(static_cast<int64_t>(std::stoll(acme.ownerId))).one();
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->text(0).rfind("$scrypt$", 0), 0u);
  EXPECT_EQ(stored->text(0).find(kPassword), std::string::npos);
  EXPECT_EQ(host::storage::Query(*uow, "SELECT COUNT(*) FROM sessions WHERE token_hash = ?").bind(token).scalarInt64(),
            0);
  EXPECT_EQ(host::storage::Query(*uow, "SELECT COUNT(*) FROM sessions").scalarInt64(), 1);
}

TEST_F(WebSessionApiTest, WrongPasswordsUnknownUsersAndUsersWithoutOneGetTheSameAnswer) {
  const ApiReply wrong = signInOwner("nope nope nope");
  const ApiReply unknown = signIn(R"({"email":"nobody@acme.test","password":"whatever1"})");
  const ApiReply noPassword = signIn(R"({"email":"member@acme.test","password":"whatever1"})");
  for (const ApiReply* r : {&wrong, &unknown, &noPassword}) {
    EXPECT_EQ(r->status, 401) << r->describe();
    EXPECT_EQ(r->str("detail"), "Incorrect email or password.");
    EXPECT_EQ(r->headers.count("set-cookie"), 0u);
  }
  EXPECT_EQ(signIn(R"({"email":"owner@acme.test"})").status, 400);
  EXPECT_EQ(count("SELECT COUNT(*) FROM sessions"), 0);
}

TEST_F(WebSessionApiTest, SignInNeedsAJsonBody) {
  ApiReply form =
      host.call("POST", "/api/0/auth/session/", nullptr,
                R"({"email":"owner@acme.test","password":"correct horse battery"})", {{"Content-Type", "text/plain"}});
  EXPECT_EQ(form.status, 400) << form.describe();
  EXPECT_EQ(count("SELECT COUNT(*) FROM sessions"), 0);
}

TEST_F(WebSessionApiTest, SigningInAgainReplacesTheSession) {
  const std::string first = cookieValue(signInOwner());
  ApiReply again = signIn(R"({"email":"owner@acme.test","password":"correct horse battery"})", first);
  ASSERT_EQ(again.status, 200);
  const std::string second = cookieValue(again);
  EXPECT_NE(first, second);
  EXPECT_EQ(asBrowser("GET", "/api/0/auth/session/", first).status, 401) << "the old id is revoked";
  EXPECT_EQ(asBrowser("GET", "/api/0/auth/session/", second).status, 200);
}

TEST_F(WebSessionApiTest, CookieRequestsThatChangeSomethingNeedTheCsrfToken) {
  ApiReply session = signInOwner();
  const std::string cookie = cookieValue(session);
  const std::string csrf = session.str("csrfToken");
  const std::string comments = "/api/0/organizations/acme/issues/" + acme.issueId + "/comments/";
  const std::string body = R"({"text":"hello"})";

  ApiReply missing = asBrowser("POST", comments, cookie, body);
  EXPECT_EQ(missing.status, 403);
  EXPECT_EQ(missing.str("detail"), "CSRF token missing or incorrect.");
  EXPECT_EQ(asBrowser("POST", comments, cookie, body, "forged").status, 403);
  EXPECT_EQ(asBrowser("PUT", "/api/0/organizations/acme/plugins/api_test/", cookie, R"({"enabled":true})").status, 403);
  EXPECT_EQ(asBrowser("DELETE", "/api/0/organizations/acme/integrations/1/", cookie).status, 403);
  EXPECT_EQ(asBrowser("POST", comments, cookie, body, csrf).status, 201);
  // Another session's token is no good.
  const std::string otherCsrf = signInOwner().str("csrfToken");
  EXPECT_EQ(asBrowser("POST", comments, cookie, body, otherCsrf).status, 403);
  // Reads need no token, and bearer calls stay as they are.
  EXPECT_EQ(asBrowser("GET", "/api/0/organizations/acme/issues/" + acme.issueId + "/", cookie).status, 200);
  EXPECT_EQ(host.call("POST", comments, acme.ownerToken.c_str(), body).status, 201);
  // The bearer header wins over a cookie: no CSRF needed with it.
  EXPECT_EQ(host.call("POST", comments, acme.memberToken.c_str(), body, {{"Cookie", "ih_session=" + cookie}}).status,
            201);
}

TEST_F(WebSessionApiTest, PluginRoutesAcceptSessionsToo) {
  const std::string cookie = cookieValue(signInOwner());
  host.enablePlugin("acme", "api_test");
  ApiReply r = asBrowser("GET", "/extensions/api-test/search/acme/", cookie);
  EXPECT_EQ(r.status, 200) << r.describe();
  EXPECT_EQ(host.call("GET", "/extensions/api-test/search/acme/", nullptr).status, 401);
}

TEST_F(WebSessionApiTest, SessionsEndWhenIdleAndLiveOnWhileUsed) {
  const std::string cookie = cookieValue(signInOwner());
  const std::string issue = "/api/0/organizations/acme/issues/" + acme.issueId + "/";
  for (int i = 0; i < 4; ++i) {
    advance(kHour / 2);  // never an hour without use
    ASSERT_EQ(asBrowser("GET", issue, cookie).status, 200) << "use " << i;
  }
  advance(kHour + 1);
  ApiReply ended = asBrowser("GET", issue, cookie);
  EXPECT_EQ(ended.status, 401);
  EXPECT_EQ(ended.str("detail"), "Your session has ended. Sign in again.");
  EXPECT_NE(ended.headers["set-cookie"].find("ih_session=;"), std::string::npos) << "the stale cookie is cleared";
}

TEST_F(WebSessionApiTest, SessionsEndAfterAWeekWhateverTheUse) {
  const std::string cookie = cookieValue(signInOwner());
  for (int i = 0; i < 7 * 24 * 2; ++i) {
    advance(kHour / 2);
    if (asBrowser("GET", "/api/0/auth/session/", cookie).status != 200) {
      EXPECT_GE(i, 7 * 24 * 2 - 2) << "ended before the absolute lifetime";
      return;
    }
  }
  advance(kHour / 2);
  EXPECT_EQ(asBrowser("GET", "/api/0/auth/session/", cookie).status, 401);
}

TEST_F(WebSessionApiTest, SignOutRevokesTheSessionAndClearsTheCookie) {
  ApiReply session = signInOwner();
  const std::string cookie = cookieValue(session);
  EXPECT_EQ(asBrowser("DELETE", "/api/0/auth/session/", cookie).status, 403) << "sign-out needs the CSRF token";
  ApiReply out = asBrowser("DELETE", "/api/0/auth/session/", cookie, "", session.str("csrfToken"));
  EXPECT_EQ(out.status, 204);
  EXPECT_NE(out.headers["set-cookie"].find("ih_session=;"), std::string::npos);
  EXPECT_EQ(asBrowser("GET", "/api/0/auth/session/", cookie).status, 401);
  EXPECT_EQ(count("SELECT COUNT(*) FROM sessions"), 0);
  // Signing out without a live session just clears the cookie.
  EXPECT_EQ(asBrowser("DELETE", "/api/0/auth/session/", cookie).status, 204);
  EXPECT_EQ(host.call("DELETE", "/api/0/auth/session/", nullptr).status, 204);
}

TEST_F(WebSessionApiTest, TheAdminTokenSignsInAsTheSuperuser) {
  ApiReply r = signIn(std::string(R"({"token":")") + ApiTestHost::kAdminToken + "\"}");
  ASSERT_EQ(r.status, 200) << r.describe();
  EXPECT_TRUE(r.json["superuser"].GetBool());
  EXPECT_TRUE(r.json["user"].IsNull());
  const std::string cookie = cookieValue(r);
  EXPECT_EQ(
      asBrowser("POST", "/api/0/organizations/", cookie, R"({"slug":"beta","name":"Beta"})", r.str("csrfToken")).status,
      201);
  ApiReply wrong = signIn(R"({"token":"not-the-admin-token"})");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(wrong.str("detail"), "Incorrect admin token.");
  // A user's API token is not a sign-in credential.
  EXPECT_EQ(signIn(R"({"token":")" + acme.ownerToken + "\"}").status, 401);
}

TEST_F(WebSessionApiTest, FailedSignInsAreLimitedPerAccount) {
  for (int i = 0; i < 5; ++i) EXPECT_EQ(signInOwner("wrong password").status, 401);
  ApiReply blocked = signInOwner();  // even the right password waits
  EXPECT_EQ(blocked.status, 429) << blocked.describe();
  EXPECT_EQ(blocked.headers["retry-after"], "900");
  EXPECT_NE(blocked.str("detail").find("Try again in 900 seconds."), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM sessions"), 0);
  advance(15 * 60 * 1000);
  EXPECT_EQ(signInOwner().status, 200);
}

class WebSessionAddressLimitTest : public WebSessionApiTest {
 protected:
  WebSessionAddressLimitTest() : WebSessionApiTest(options()) {}
  static ApiTestHostOptions options() {
    ApiTestHostOptions o = manualClockOptions();
    o.perAddress = host::auth::ThrottleLimit{3, 60 * 1000};
    return o;
  }
};

TEST_F(WebSessionAddressLimitTest, FailedSignInsAreLimitedPerAddress) {
  for (const char* email : {"a@acme.test", "b@acme.test", "c@acme.test"}) {
    EXPECT_EQ(signIn(std::string(R"({"email":")") + email + R"(","password":"guess1234"})").status, 401);
  }
  EXPECT_EQ(signInOwner().status, 429) << "a fresh account from the same address waits too";
  advance(60 * 1000);
  EXPECT_EQ(signInOwner().status, 200);
}

TEST_F(WebSessionApiTest, UsersChangeTheirOwnPasswordWithTheCurrentOne) {
  ApiReply session = signInOwner();
  const std::string cookie = cookieValue(session);
  const std::string csrf = session.str("csrfToken");
  const std::string elsewhere = cookieValue(signInOwner());
  const std::string path = "/api/0/users/" + acme.ownerId + "/password/";

  ApiReply missing = asBrowser("PUT", path, cookie, R"({"password":"a new password"})", csrf);
  EXPECT_EQ(missing.status, 400);
  EXPECT_TRUE(missing.json.HasMember("currentPassword"));
  ApiReply wrong = asBrowser("PUT", path, cookie, R"({"password":"a new password","currentPassword":"nope"})", csrf);
  EXPECT_EQ(wrong.status, 400);
  EXPECT_TRUE(wrong.json.HasMember("currentPassword"));
  ApiReply tooShort =
      asBrowser("PUT", path, cookie, R"({"password":"short","currentPassword":"correct horse battery"})", csrf);
  EXPECT_EQ(tooShort.status, 400);
  EXPECT_TRUE(tooShort.json.HasMember("password"));

  ApiReply changed = asBrowser("PUT", path, cookie,
                               R"({"password":"a new password","currentPassword":"correct horse battery"})", csrf);
  EXPECT_EQ(changed.status, 204) << changed.describe();
  EXPECT_EQ(asBrowser("GET", "/api/0/auth/session/", cookie).status, 200) << "this session stays";
  EXPECT_EQ(asBrowser("GET", "/api/0/auth/session/", elsewhere).status, 401) << "other sessions end";
  EXPECT_EQ(signInOwner().status, 401);
  EXPECT_EQ(signInOwner("a new password").status, 200);
}

TEST_F(WebSessionApiTest, NobodyElseChangesAPasswordButTheSuperuser) {
  const std::string body = R"({"password":"taken over!","currentPassword":"whatever"})";
  EXPECT_EQ(host.put("/api/0/users/" + acme.ownerId + "/password/", body, acme.memberToken).status, 403);
  EXPECT_EQ(host.put("/api/0/users/999/password/", body, acme.memberToken).status, 403) << "no id probing";
  EXPECT_EQ(host.put("/api/0/users/999/password/", R"({"password":"whatever12"})").status, 404);
  // A user without a password cannot set one with an API token alone.
  ApiReply noCurrent = host.put("/api/0/users/" + acme.memberId + "/password/",
                                R"({"password":"member pass","currentPassword":"x"})", acme.memberToken);
  EXPECT_EQ(noCurrent.status, 400);
  // The superuser sets any password without the current one, and ends the user's sessions.
  const std::string cookie = cookieValue(signInOwner());
  EXPECT_EQ(host.put("/api/0/users/" + acme.ownerId + "/password/", R"({"password":"reset by admin"})").status, 204);
  EXPECT_EQ(asBrowser("GET", "/api/0/auth/session/", cookie).status, 401);
  EXPECT_EQ(signInOwner("reset by admin").status, 200);
}

TEST_F(WebSessionApiTest, NewUsersMayComeWithAValidPassword) {
  ApiReply bad = host.post("/api/0/users/", R"({"email":"new@acme.test","name":"New","password":"short"})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(bad.json.HasMember("password"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE email = 'new@acme.test'"), 0);
  ApiReply created = host.post("/api/0/users/", R"({"email":"new@acme.test","name":"New","password":"long enough"})");
  ASSERT_EQ(created.status, 201) << created.describe();
  EXPECT_FALSE(created.json.HasMember("password"));
  EXPECT_EQ(signIn(R"({"email":"NEW@acme.test","password":"long enough"})").status, 200);
}

class SecureWebSessionTest : public WebSessionApiTest {
 protected:
  SecureWebSessionTest() : WebSessionApiTest(options()) {}
  static ApiTestHostOptions options() {
    ApiTestHostOptions o = manualClockOptions();
    o.publicUrl = "https://host.test";
    return o;
  }
};

TEST_F(SecureWebSessionTest, CookiesAreSecureBehindHttps) {
  ApiReply r = signInOwner();
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.headers["set-cookie"].find("; secure"), std::string::npos) << r.headers["set-cookie"];
}

}  // namespace
}  // namespace ih::test
