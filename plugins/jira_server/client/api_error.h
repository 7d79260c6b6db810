// client/api_error.h - how a failed Jira call is described to callers
// (Sentry's error mapping, behaviour spec §8.5): HTTP errors keep their status
// and raw body (for callers that parse it) but describe themselves with
// Jira's structured messages only; transport failures carry Sentry's fixed texts ("Unable to reach
// host: <host>", "Timed out attempting to reach host: <host>", "Connection
// reset by peer"); better than Sentry, an unreachable host's text adds the
// cause the host reported, e.g. "Unable to reach host: jira.corp:8443 (TLS:
// ... certificate verify failed)", so a self-hoster sees a CA problem as
// one. Callers decide between "show the user", "retry the job" and
// "give up" from the predicates here, never by re-parsing texts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/expected.h"
#include "ihp/sdk/host.hpp"

namespace ih::jira {

class ApiError {
 public:
  enum class Kind {
    Http,             // Jira answered with a non-2xx status
    Unreachable,      // DNS, refused, TLS, blocked address
    Timeout,          // no answer within the timeout
    Reset,            // connection reset by peer
    Signing,          // the host could not sign the request (e.g. bad key)
    InvalidResponse,  // 2xx, but not the shape the call needs
    Paced,            // not sent: Jira's rate limit leaves no call before retryAfterMs
  };

  static ApiError fromResponse(const ihp::sdk::HttpResponse& response);
  // `cause`: the host's words for the failure (HttpResponse::transportError), may be empty.
  static ApiError fromTransport(ihp_status status, std::string_view host, std::string_view cause = {});
  static ApiError signing(ihp_status status);
  static ApiError invalidResponse(std::string detail);
  static ApiError paced(int64_t waitMs);

  Kind kind() const { return kind_; }
  // The HTTP status for Kind::Http; the status Sentry gives transport errors
  // otherwise (503 unreachable/reset, 504 timeout), 429 when paced, 0 for
  // other local failures.
  int32_t status() const { return status_; }
  // The raw response body (Kind::Http), kept verbatim.
  const std::string& body() const { return body_; }
  // The text of the error: for HTTP errors only Jira's structured messages
  // (structuredMessages), else "Jira answered HTTP <status>"; the fixed texts
  // for transport errors. Never a raw foreign body: the URL is the user's, so
  // an answer from an internal service must not come back to them (SSRF echo).
  std::string text() const;
  // Jira's structured error messages in a body, in words, or "": the
  // "errorMessages" strings, the "messages"[].message strings and the
  // "errors" {field: message} pairs of a JSON object, or an OAuth
  // `oauth_problem=<token>`. Nothing else of the body.
  static std::string structuredMessages(std::string_view body);

  bool isHttp(int32_t httpStatus) const { return kind_ == Kind::Http && status_ == httpStatus; }
  bool isUnauthorized() const { return isHttp(401); }
  bool isNotFound() const { return isHttp(404); }
  // Worth retrying later: transport failures, 5xx, 429 and paced calls.
  bool isTransient() const;
  // From a 429's Retry-After (seconds), when present; a paced call's wait.
  std::optional<int64_t> retryAfterMs() const { return retryAfterMs_; }

 private:
  ApiError(Kind kind, int32_t status, std::string body) : kind_(kind), status_(status), body_(std::move(body)) {}

  Kind kind_;
  int32_t status_;
  std::string body_;  // Http: response body; transport: host; others: detail
  std::string cause_;  // transport: the host's cause, or empty
  std::optional<int64_t> retryAfterMs_;
};

template <class T>
using ApiResult = Expected<T, ApiError>;

}  // namespace ih::jira
