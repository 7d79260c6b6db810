#include "oauth/authenticator.h"

#include "common/json.h"
#include "oauth/oauth_params.h"

namespace ih::mock {

HttpResponse unauthenticatedResponse(const std::string& baseUrl) {
  json::JsonBuilder out;
  out.beginObject()
      .field("message", "Client must be authenticated to access this resource.")
      .field("status-code", 401)
      .endObject();
  auto response = HttpResponse::json(401, out.str());
  response.setHeader("www-authenticate", oauthChallenge(baseUrl));
  return response;
}

AuthResult Authenticator::authenticate(const HttpRequest& request) const {
  const auto authorization = request.header("authorization");
  if (auto params = parseOAuthHeader(authorization)) {
    auto outcome = validator_.validate(request, *params, replayMode_ ? TokenRole::kSignatureOnly : TokenRole::kAccessToken);
    if (auto* problem = std::get_if<OAuthProblem>(&outcome)) return oauthProblemResponse(*problem, baseUrl_);
    return Identity{std::get<OAuthGrant>(outcome).user};
  }
  constexpr std::string_view kBearer = "bearer ";
  if (lowercase(authorization.substr(0, kBearer.size())) == kBearer) return bearer(authorization.substr(kBearer.size()));
  return Identity{};
}

AuthResult Authenticator::bearer(const std::string& token) const {
  auto user = state_.read([&](const JiraModel& m) -> std::optional<std::string> {
    if (replayMode_ && m.pats.empty()) return std::string();
    const auto* pat = m.findPat(token);
    if (pat == nullptr) return std::nullopt;
    const auto* owner = m.findUser(pat->user);
    if (owner == nullptr || !owner->active) return std::nullopt;
    return owner->name;
  });
  if (!user) return unauthenticatedResponse(baseUrl_);
  return Identity{*user};
}

}  // namespace ih::mock
