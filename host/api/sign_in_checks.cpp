#include "api/sign_in_checks.h"

#include "auth/sign_in_throttle.h"
#include "common/strings.h"

namespace ih::host::api {

std::string emailAccountKey(std::string_view email) { return "email:" + toLowerAscii(trim(email)); }

std::optional<http::Response> refuseWhileThrottled(ApiCall& call, const std::string& account) {
  const int64_t waitMs = call.services.signInThrottle.retryAfterMs(account, call.request.clientAddress);
  if (waitMs <= 0) return std::nullopt;
  const int64_t seconds = (waitMs + 999) / 1000;
  return http::Response::detail(429, "Too many failed attempts. Try again in " + std::to_string(seconds) +
                                         (seconds == 1 ? " second." : " seconds."))
      .header("Retry-After", std::to_string(seconds));
}

void recordFailedAttempt(ApiCall& call, const std::string& account) {
  call.services.signInThrottle.recordFailure(account, call.request.clientAddress);
}

void recordSuccessfulAttempt(ApiCall& call, const std::string& account) {
  call.services.signInThrottle.recordSuccess(account);
}

}  // namespace ih::host::api
