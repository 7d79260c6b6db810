// host/api/sign_in_checks.h - the checks every password-accepting endpoint
// shares (sign-in, password change): the failed-attempt limits per account
// and per client address, and the 429 answer once they are exceeded.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "api/api_call.h"
#include "http/response.h"

namespace ih::host::api {

// The throttle's key for an email account ("email:<lowercase>") or the admin token.
std::string emailAccountKey(std::string_view email);
inline constexpr const char* kAdminTokenAccountKey = "admin-token";

// 429 {"detail"} with Retry-After (whole seconds) while the account or the
// caller's address has too many recent failures; nullopt when a try may go ahead.
std::optional<http::Response> refuseWhileThrottled(ApiCall& call, const std::string& account);
void recordFailedAttempt(ApiCall& call, const std::string& account);
void recordSuccessfulAttempt(ApiCall& call, const std::string& account);

}  // namespace ih::host::api
