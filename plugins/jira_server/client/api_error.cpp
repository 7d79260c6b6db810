#include "client/api_error.h"

#include <charconv>

#include "common/strings.h"
#include "ihp/sdk/json.hpp"

namespace ih::jira {
namespace {

std::optional<int64_t> parseRetryAfterSeconds(std::string_view value) {
  value = trimWhitespace(value);
  int64_t seconds = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (ec != std::errc() || end != value.data() + value.size() || seconds < 0) return std::nullopt;
  return seconds * 1000;
}

namespace json = ihp::sdk::json;

void appendMessage(std::string& text, std::string_view message) {
  if (message.empty()) return;
  if (!text.empty()) text += " ";
  text += message;
}

// The OAuth problem-reporting extension's `oauth_problem=<token>` (what Jira
// answers a failed OAuth 1.0a call with): only the token, and only when it
// is one (letters and underscores), never the rest of the body.
std::string oauthProblemOf(std::string_view body) {
  constexpr std::string_view kParameter = "oauth_problem=";
  const size_t at = body.find(kParameter);
  if (at == std::string_view::npos || (at != 0 && body[at - 1] != '&')) return {};
  std::string_view value = body.substr(at + kParameter.size());
  value = value.substr(0, value.find('&'));
  if (value.empty() || value.size() > 64) return {};
  for (char c : value) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_')) return {};
  }
  return "oauth_problem=" + std::string(value);
}

}  // namespace

std::string ApiError::structuredMessages(std::string_view body) {
  json::Document doc;
  if (!json::parse(body, doc) || !doc.IsObject()) return oauthProblemOf(body);
  std::string text;
  if (const json::Value* messages = json::member(doc, "errorMessages"); messages != nullptr && messages->IsArray()) {
    for (const auto& message : messages->GetArray()) {
      if (message.IsString()) appendMessage(text, std::string_view(message.GetString(), message.GetStringLength()));
    }
  }
  // Jira's other shape (webhooks, DC plugins): {"messages":[{"message": ...}]}.
  if (const json::Value* messages = json::member(doc, "messages"); messages != nullptr && messages->IsArray()) {
    for (const auto& message : messages->GetArray()) {
      if (message.IsObject()) appendMessage(text, json::stringOr(message, "message"));
    }
  }
  if (const json::Value* errors = json::member(doc, "errors"); errors != nullptr && errors->IsObject()) {
    for (const auto& member : errors->GetObject()) {
      if (member.value.IsString()) {
        appendMessage(text, std::string(member.name.GetString()) + ": " + member.value.GetString());
      }
    }
  }
  return text;
}

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
    case Kind::Http: {
      std::string messages = structuredMessages(body_);
      return messages.empty() ? "Jira answered HTTP " + std::to_string(status_) : messages;
    }
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
