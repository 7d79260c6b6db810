#include "api/assignee_resolution.h"

#include "api/json_input.h"
#include "common/errors.h"
#include "common/strings.h"
#include "domain/directory_service.h"

namespace ih::host::api {

namespace {

constexpr const char* kField = "assignedTo";

bool isMember(ApiCall& call, int64_t userId) {
  return call.services.directory.roleOf(call.uow, call.org().id, userId).has_value();
}

bool hasVerifiedEmail(const storage::User& user, const std::string& email) {
  const std::string wanted = toLowerAscii(email);
  if (toLowerAscii(user.email) == wanted) return true;
  for (const auto& e : user.emails) {
    if (e.verified && toLowerAscii(e.email) == wanted) return true;
  }
  return false;
}

int64_t memberById(ApiCall& call, std::string_view idText) {
  std::optional<int64_t> id = parseId(idText);
  if (!id || !call.services.directory.findUser(call.uow, *id) || !isMember(call, *id)) {
    throw ValidationError(kField, "Unknown actor: no member of this organization has that id.");
  }
  return *id;
}

int64_t memberByEmail(ApiCall& call, const std::string& email) {
  // The organization's members with this verified email, in any team or none.
  for (const storage::User& user : call.services.directory.usersByVerifiedEmail(call.uow, call.org().id, email, 0)) {
    if (isMember(call, user.id)) return user.id;
  }
  std::optional<storage::User> user = call.services.directory.findUserByEmail(call.uow, email);
  if (user && user->active && hasVerifiedEmail(*user, email) && isMember(call, user->id)) return user->id;
  throw ValidationError(kField, "Unknown actor: no member of this organization has that verified email.");
}

}  // namespace

int64_t resolveAssignee(ApiCall& call, const std::string& assignedTo) {
  constexpr std::string_view prefix = "user:";
  if (assignedTo.rfind(prefix, 0) == 0) return memberById(call, std::string_view(assignedTo).substr(prefix.size()));
  if (assignedTo.find('@') == std::string::npos) {
    throw ValidationError(kField, "Expected an email or \"user:<id>\".");
  }
  return memberByEmail(call, assignedTo);
}

}  // namespace ih::host::api
