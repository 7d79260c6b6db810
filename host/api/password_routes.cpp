// Setting a user's password for browser sign-in:
//   PUT /api/0/users/{userId}/password/ {"password","currentPassword"?} -> 204
// The superuser may set anyone's; a user only their own, proving the current
// one (so a leaked API token cannot take over the browser sign-in), under
// the same failed-attempt limits as sign-in. Every other session of the
// user ends: whoever knew the old password is signed out.
#include "api/api_router.h"
#include "api/json_input.h"
#include "api/route_groups.h"
#include "api/sign_in_checks.h"
#include "auth/password_service.h"
#include "auth/session_service.h"
#include "common/errors.h"
#include "domain/directory_service.h"

namespace ih::host::api {

namespace {

http::Response changePassword(ApiCall& call) {
  const int64_t userId = pathId(call.request, "userId");
  // Others' ids are 403 whether they exist or not, so ids cannot be probed.
  if (!call.principal.superuser && call.principal.userId != userId) throw ForbiddenError();
  std::optional<storage::User> user = call.services.directory.findUser(call.uow, userId);
  if (!user) throw NotFoundError("The requested user does not exist");
  const auto& body = call.request.jsonObject();
  const std::string password = requireString(body, "password");
  call.services.passwords.validate(password);
  if (!call.principal.superuser) {
    std::optional<std::string> current = optionalString(body, "currentPassword");
    if (!current || current->empty()) throw ValidationError("currentPassword", "This field is required.");
    const std::string account = emailAccountKey(user->email);
    if (auto refusal = refuseWhileThrottled(call, account)) return std::move(*refusal);
    if (!call.services.passwords.verify(call.uow, userId, *current)) {
      recordFailedAttempt(call, account);
      throw ValidationError("currentPassword", "The current password is not correct.");
    }
    recordSuccessfulAttempt(call, account);
  }
  call.services.passwords.set(call.uow, userId, password);
  call.services.sessions.closeOthers(call.uow, userId, call.session ? call.session->id : 0);
  return http::Response::noContent();
}

}  // namespace

void registerPasswordRoutes(ApiRouter& api) {
  api.add("PUT", "/api/0/users/{userId}/password/", Access::Authenticated, changePassword);
}

}  // namespace ih::host::api
