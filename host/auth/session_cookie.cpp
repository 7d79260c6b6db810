// host/auth/session_cookie.cpp - see session_cookie.h.
#include "auth/session_cookie.h"

#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>

#include "auth/crypto.h"

namespace ih::host::auth {

namespace {

// Binds the CSRF token to its purpose, so the same cookie value never yields
// an HMAC that means anything elsewhere.
constexpr std::string_view kCsrfLabel = "ih-csrf-v1";

Poco::Net::HTTPCookie baseCookie(std::string_view value, bool secure) {
  Poco::Net::HTTPCookie cookie(kSessionCookieName, std::string(value));
  cookie.setVersion(0);
  cookie.setPath("/");
  cookie.setHttpOnly(true);
  cookie.setSecure(secure);
  cookie.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_LAX);
  return cookie;
}

}  // namespace

std::string sessionCookie(std::string_view sessionToken, bool secure) {
  return baseCookie(sessionToken, secure).toString();
}

std::string expiredSessionCookie(bool secure) {
  Poco::Net::HTTPCookie cookie = baseCookie("", secure);
  cookie.setMaxAge(0);
  return cookie.toString();
}

std::optional<std::string> sessionTokenFromCookies(std::string_view cookieHeader) {
  const std::string header(cookieHeader);
  Poco::Net::NameValueCollection cookies;
  Poco::Net::MessageHeader::splitParameters(header.begin(), header.end(), cookies);
  const std::string value = cookies.get(kSessionCookieName, "");
  if (value.empty()) return std::nullopt;
  return value;
}

std::string csrfTokenFor(std::string_view sessionToken) {
  const auto mac = hmacSha256(sessionToken, kCsrfLabel);
  return base64UrlEncode(std::string_view(reinterpret_cast<const char*>(mac.data()), mac.size()));
}

bool csrfTokenMatches(std::string_view sessionToken, std::string_view presented) {
  return !presented.empty() && constantTimeEquals(csrfTokenFor(sessionToken), presented);
}

}  // namespace ih::host::auth
