// The session cookie's attributes, reading it back, and the CSRF token.
#include "auth/session_cookie.h"

#include <gtest/gtest.h>

namespace ih::host::auth {
namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(SessionCookieTest, IsHttpOnlyLaxAndSecureOnlyOverHttps) {
  const std::string plain = sessionCookie("tok123", false);
  EXPECT_EQ(plain.rfind("ih_session=tok123", 0), 0u) << plain;
  EXPECT_TRUE(has(plain, "; path=/")) << plain;
  EXPECT_TRUE(has(plain, "; HttpOnly")) << plain;
  EXPECT_TRUE(has(plain, "; SameSite=Lax")) << plain;
  EXPECT_FALSE(has(plain, "secure")) << plain;
  EXPECT_FALSE(has(plain, "expires")) << "a browser-session cookie: " << plain;
  const std::string secure = sessionCookie("tok123", true);
  EXPECT_TRUE(has(secure, "; secure")) << secure;
}

TEST(SessionCookieTest, ClearingExpiresIt) {
  const std::string cleared = expiredSessionCookie(false);
  EXPECT_EQ(cleared.rfind("ih_session=;", 0), 0u) << cleared;
  EXPECT_TRUE(has(cleared, "expires=")) << cleared;
  EXPECT_TRUE(has(cleared, "HttpOnly")) << cleared;
}

TEST(SessionCookieTest, FindsTheSessionAmongOtherCookies) {
  EXPECT_EQ(sessionTokenFromCookies("a=1; ih_session=abc-_9; b=2"), "abc-_9");
  EXPECT_EQ(sessionTokenFromCookies("ih_session=xyz"), "xyz");
  EXPECT_EQ(sessionTokenFromCookies("other=1"), std::nullopt);
  EXPECT_EQ(sessionTokenFromCookies("ih_session="), std::nullopt);
  EXPECT_EQ(sessionTokenFromCookies(""), std::nullopt);
  EXPECT_EQ(sessionTokenFromCookies("xih_session=1"), std::nullopt);
}

TEST(SessionCookieTest, TheCsrfTokenBelongsToItsSession) {
  const std::string token = csrfTokenFor("session-a");
  EXPECT_EQ(token, csrfTokenFor("session-a"));
  EXPECT_NE(token, csrfTokenFor("session-b"));
  EXPECT_EQ(token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
  EXPECT_EQ(token.size(), 43u);  // 32 bytes, base64url without padding
  EXPECT_TRUE(csrfTokenMatches("session-a", token));
  EXPECT_FALSE(csrfTokenMatches("session-b", token));
  EXPECT_FALSE(csrfTokenMatches("session-a", ""));
  EXPECT_FALSE(csrfTokenMatches("session-a", token + "x"));
}

}  // namespace
}  // namespace ih::host::auth
