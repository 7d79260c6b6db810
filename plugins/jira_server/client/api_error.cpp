#include "client/api_error.h"

#include <charconv>

#include "common/strings.h"

namespace ih::jira {
namespace {

std::optional<int64_t> parseRetryAfterSeconds(std::string_view value) {
  value = trimWhitespace(value);
  int64_t seconds = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (ec != std::errc() || end != value.data() + value.size() || seconds < 0) return std::nullopt;
  return seconds * 1000;
}

}  // namespace

ApiError ApiError::fromResponse(const ihp::sdk::HttpResponse& response) {
  ApiError error(Kind::Http, response.status, response.body);
  if (response.status == 429) error.retryAfterMs_ = parseRetryAfterSeconds(response.header("Retry-After"));
  return error;
}

ApiError ApiError::fromTransport(ihp_status status, std::string_view host, std::string_view cause) {
  const Kind kind = status == IHP_E_TIMEOUT ? Kind::Timeout : status == IHP_E_RESET ? Kind::Reset : Kind::Unreachable;
  ApiError error(kind, kind == Kind::Timeout ? 504 : 503, std::string(host));
  error.cause_ = std::string(cause);
  return error;
}

ApiError ApiError::signing(ihp_status status) {
  return ApiError(Kind::Signing, 0, std::string("could not sign the request (") + ihp::sdk::statusName(status) + ")");
}

ApiError ApiError::invalidResponse(std::string detail) { return ApiError(Kind::InvalidResponse, 0, std::move(detail)); }

ApiError ApiError::paced(int64_t waitMs) {
  ApiError error(Kind::Paced, 429, "Jira's rate limit allows the next call in " + std::to_string(waitMs) + " ms");
  error.retryAfterMs_ = waitMs;
  return error;
}

std::string ApiError::text() const {
  switch (kind_) {
    case Kind::Http: return body_;
    case Kind::Unreachable: return "Unable to reach host: " + body_ + (cause_.empty() ? "" : " (" + cause_ + ")");
    case Kind::Timeout: return "Timed out attempting to reach host: " + body_;
    case Kind::Reset: return "Connection reset by peer";
    case Kind::Signing:
    case Kind::InvalidResponse:
    case Kind::Paced: return body_;
  }
  return body_;
}

bool ApiError::isTransient() const {
  switch (kind_) {
    case Kind::Unreachable:
    case Kind::Timeout:
    case Kind::Reset:
    case Kind::Paced: return true;
    case Kind::Http: return status_ >= 500 || status_ == 429;
    case Kind::Signing:
    case Kind::InvalidResponse: return false;
  }
  return false;
}

}  // namespace ih::jira
