// Who is calling a REST resource: an OAuth 1.0a access token, a personal access token
// (Authorization: Bearer), or nobody. Produces Jira's 401 shapes for refusals.
#pragma once

#include <string>
#include <variant>

#include "common/http_types.h"
#include "oauth/oauth_validator.h"

namespace ih::mock {

struct Identity {
  std::string user;  // empty = anonymous
};

using AuthResult = std::variant<Identity, HttpResponse>;

// 401 {"message":"Client must be authenticated to access this resource.","status-code":401}
HttpResponse unauthenticatedResponse(const std::string& baseUrl);

class Authenticator {
 public:
  // In replay mode tokens were issued by recorded answers: OAuth is checked for validity
  // only, and PATs only when the seed lists some.
  Authenticator(std::string baseUrl, const OAuthValidator& validator, const JiraState& state, bool replayMode)
      : baseUrl_(std::move(baseUrl)), validator_(validator), state_(state), replayMode_(replayMode) {}

  // Anonymous requests yield an empty Identity; bad credentials yield the refusal to send.
  AuthResult authenticate(const HttpRequest& request) const;

 private:
  AuthResult bearer(const std::string& token) const;

  std::string baseUrl_;
  const OAuthValidator& validator_;
  const JiraState& state_;
  bool replayMode_;
};

}  // namespace ih::mock
