// host/auth/session_cookie.h - the web app's session cookie and the CSRF
// token that goes with it.
//
// The cookie (`ih_session`) is HttpOnly (scripts cannot read it), SameSite=Lax
// (other sites' forms and fetches do not carry it), Path=/, Secure when the
// host's public URL is https, and has no Max-Age: it ends with the browser,
// while the server ends the session itself after the idle timeout.
//
// The CSRF token is derived from the cookie value (HMAC-SHA256, base64url),
// so it needs no storage, changes with every session, and only a page that
// can read the API's answers (same origin) can learn it. Every unsafe request
// authenticated by the cookie must send it in the X-CSRF-Token header.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ih::host::auth {

inline constexpr const char* kSessionCookieName = "ih_session";
inline constexpr const char* kCsrfHeader = "x-csrf-token";  // lowercase, as RequestContext keeps names

// Set-Cookie values that store or clear the session cookie.
std::string sessionCookie(std::string_view sessionToken, bool secure);
std::string expiredSessionCookie(bool secure);

// The session token in a Cookie header, if there is one.
std::optional<std::string> sessionTokenFromCookies(std::string_view cookieHeader);

std::string csrfTokenFor(std::string_view sessionToken);
// Constant-time check of a header value against the session's token.
bool csrfTokenMatches(std::string_view sessionToken, std::string_view presented);

}  // namespace ih::host::auth
