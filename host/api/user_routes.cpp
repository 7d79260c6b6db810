// Users with their secondary emails, an optional password for the web app,
// and their API tokens (superuser only).
#include "api/api_router.h"
#include "api/json_input.h"
#include "api/json_response.h"
#include "api/route_groups.h"
#include "api/serializers.h"
#include "auth/password_service.h"
#include "common/errors.h"
#include "domain/directory_service.h"

namespace ih::host::api {

namespace {

std::vector<storage::UserEmail> parseEmails(const JsonValue& body) {
  std::vector<storage::UserEmail> emails;
  const JsonValue* list = ihp::sdk::json::member(body, "emails");
  if (list == nullptr || list->IsNull()) return emails;
  if (!list->IsArray()) throw ValidationError("emails", "Expected a list of {\"email\",\"verified\"} objects.");
  for (const auto& item : list->GetArray()) {
    std::optional<std::string> email = item.IsObject() ? ihp::sdk::json::string(item, "email") : std::nullopt;
    if (!email || email->empty()) throw ValidationError("emails", "Every entry needs an email.");
    // Read as false, a mistyped "verified" would leave the address unable to
    // match anyone, silently.
    const JsonValue* verified = ihp::sdk::json::member(item, "verified");
    if (verified != nullptr && !verified->IsBool() && !verified->IsNull()) {
      throw ValidationError("emails", "\"verified\" must be true or false.");
    }
    emails.push_back(storage::UserEmail{*email, verified != nullptr && verified->IsTrue()});
  }
  return emails;
}

http::Response createUser(ApiCall& call) {
  const auto& body = call.request.jsonObject();
  std::string email = requireString(body, "email");
  std::string name = optionalString(body, "name").value_or("");
  // Optional: a password lets the user sign in to the web app.
  std::optional<std::string> password = optionalString(body, "password");
  if (password) call.services.passwords.validate(*password);
  storage::User user = call.services.directory.createUser(call.uow, email, name, parseEmails(body));
  if (password) call.services.passwords.set(call.uow, user.id, *password);
  return jsonResponse(201, [&](JsonBuilder& b) { writeUser(b, user); });
}

http::Response issueToken(ApiCall& call) {
  int64_t userId = pathId(call.request, "userId");
  if (!call.services.directory.findUser(call.uow, userId)) throw NotFoundError("The requested user does not exist");
  std::string token = call.services.directory.issueApiToken(call.uow, userId);
  return jsonResponse(201, [&](JsonBuilder& b) { b.beginObject().field("token", token).endObject(); });
}

}  // namespace

void registerUserRoutes(ApiRouter& api) {
  api.add("POST", "/api/0/users/", Access::Superuser, createUser);
  api.add("POST", "/api/0/users/{userId}/tokens/", Access::Superuser, issueToken);
}

}  // namespace ih::host::api
