// Browser sign-in (the web app): open a session with email and password or
// the admin token, ask who is signed in (and the CSRF token), sign out.
//
//   POST   /api/0/auth/session/  {"email","password"} | {"token"}  -> 200 session view + Set-Cookie
//   GET    /api/0/auth/session/                                    -> 200 session view
//   DELETE /api/0/auth/session/                                    -> 204, cookie cleared
//
// Session view: {"user": {"id","email","name"} | null, "superuser": bool,
// "csrfToken": "..." (cookie sessions only), "expiresAt": ISO date | null}.
#include "api/access.h"
#include "api/api_router.h"
#include "api/json_input.h"
#include "api/json_response.h"
#include "api/route_groups.h"
#include "api/serializers.h"
#include "api/sign_in_checks.h"
#include "auth/bearer_authenticator.h"
#include "auth/password_service.h"
#include "auth/session_cookie.h"
#include "auth/session_service.h"
#include "common/errors.h"
#include "common/strings.h"
#include "domain/directory_service.h"

namespace ih::host::api {

namespace {

constexpr const char* kWrongCredentials = "Incorrect email or password.";

http::Response sessionView(ApiCall& call, const auth::Principal& principal, const std::string& sessionToken,
                           std::optional<int64_t> expiresAt) {
  std::optional<storage::User> user;
  if (principal.userId) user = call.services.directory.findUser(call.uow, *principal.userId);
  http::Response response = jsonResponse(200, [&](JsonBuilder& b) {
    b.beginObject().key("user");
    if (user) {
      writeUser(b, *user);
    } else {
      b.null();
    }
    b.field("superuser", principal.superuser);
    if (!sessionToken.empty()) b.field("csrfToken", auth::csrfTokenFor(sessionToken));
    if (expiresAt) {
      b.field("expiresAt", isoTimestamp(*expiresAt));
    } else {
      b.nullField("expiresAt");
    }
    b.endObject();
  });
  // The answer carries the CSRF token: never keep it in a cache.
  return response.header("Cache-Control", "no-store");
}

// Sign-in forms of other sites cannot send JSON without a CORS preflight the
// host never grants, so demanding it keeps them from signing a browser into
// someone else's account (login CSRF).
void requireJsonBody(const http::RequestContext& request) {
  const std::string type = toLowerAscii(request.header("content-type").value_or(""));
  if (type.rfind("application/json", 0) != 0)
    throw BadRequestError("Sign-in needs a JSON body (Content-Type: application/json).");
}

struct Credentials {
  std::string account;  // throttle key
  std::optional<std::string> adminToken;
  std::string email;
  std::string password;
};

Credentials readCredentials(ApiCall& call) {
  const auto& body = call.request.jsonObject();
  Credentials credentials;
  if ((credentials.adminToken = optionalString(body, "token"))) {
    credentials.account = kAdminTokenAccountKey;
    return credentials;
  }
  ValidationError::FieldErrors missing;
  for (const char* field : {"email", "password"}) {
    std::optional<std::string> value = optionalString(body, field);
    if (!value || value->empty()) missing[field].push_back("This field is required.");
  }
  if (!missing.empty()) throw ValidationError(missing);
  credentials.email = std::string(trim(*optionalString(body, "email")));
  credentials.password = *optionalString(body, "password");
  credentials.account = emailAccountKey(credentials.email);
  return credentials;
}

// The principal the credentials prove, or nullopt. Costs one scrypt
// derivation whether or not the account exists.
std::optional<auth::Principal> check(ApiCall& call, const Credentials& credentials) {
  if (credentials.adminToken) {
    if (call.services.authenticator.isAdminToken(*credentials.adminToken)) return auth::Principal::admin();
    return std::nullopt;
  }
  std::optional<storage::User> user = call.services.directory.findUserByEmail(call.uow, credentials.email);
  if (!user || !user->active) {
    call.services.passwords.verifyNothing(credentials.password);
    return std::nullopt;
  }
  if (!call.services.passwords.verify(call.uow, user->id, credentials.password)) return std::nullopt;
  return auth::Principal::user(user->id);
}

http::Response signIn(ApiCall& call) {
  requireJsonBody(call.request);
  const Credentials credentials = readCredentials(call);
  if (auto refusal = refuseWhileThrottled(call, credentials.account)) return std::move(*refusal);
  std::optional<auth::Principal> principal = check(call, credentials);
  if (!principal) {
    recordFailedAttempt(call, credentials.account);
    return http::Response::detail(401, credentials.adminToken ? "Incorrect admin token." : kWrongCredentials);
  }
  recordSuccessfulAttempt(call, credentials.account);
  // A new session id at every sign-in; the one this browser had (if any) ends,
  // so a session id planted before sign-in is never promoted.
  if (std::optional<std::string> previous = presentedSessionToken(call.request)) {
    call.services.sessions.close(call.uow, *previous);
  }
  std::optional<std::string> adminHash;
  if (principal->superuser) adminHash = call.services.authenticator.adminTokenHash();
  auth::OpenedSession opened = call.services.sessions.open(call.uow, principal->userId, adminHash);
  return sessionView(call, *principal, opened.token, opened.row.expiresAt)
      .header("Set-Cookie", auth::sessionCookie(opened.token, call.services.secureCookies()));
}

http::Response whoAmI(ApiCall& call) {
  std::optional<int64_t> expiresAt;
  if (call.session) expiresAt = call.session->expiresAt;
  return sessionView(call, call.principal, call.sessionToken, expiresAt);
}

// Public, so a browser whose session already ended still gets its cookie
// cleared; a live session must prove the request is the app's (CSRF token).
http::Response signOut(ApiCall& call) {
  if (presentedSessionToken(call.request)) {
    try {
      Authentication authentication = authenticateRequest(call.request, call.uow, call.services);
      call.services.sessions.close(call.uow, authentication.sessionToken);
    } catch (const UnauthorizedError&) {
      // Nothing live to end.
    }
  }
  return http::Response::noContent().header("Set-Cookie", auth::expiredSessionCookie(call.services.secureCookies()));
}

}  // namespace

void registerSessionRoutes(ApiRouter& api) {
  api.add("POST", "/api/0/auth/session/", Access::Public, signIn);
  api.add("GET", "/api/0/auth/session/", Access::Authenticated, whoAmI);
  api.add("DELETE", "/api/0/auth/session/", Access::Public, signOut);
}

}  // namespace ih::host::api
