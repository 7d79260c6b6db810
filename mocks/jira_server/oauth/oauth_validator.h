// Checks one OAuth 1.0a RSA-SHA1 request the way Jira's provider does: required
// parameters, signature method, consumer, timestamp window, nonce reuse, token state for
// the endpoint, and the signature over a base string rebuilt from the configured base URL.
#pragma once

#include <optional>
#include <string>
#include <variant>

#include "common/http_types.h"
#include "oauth/nonce_registry.h"
#include "oauth/oauth_problem.h"
#include "oauth/token_store.h"
#include "state/jira_model.h"

namespace ih::mock {

// Which token the endpoint expects in oauth_token.
enum class TokenRole {
  kNone,           // request-token endpoint
  kRequestToken,   // access-token endpoint: an approved request token plus verifier
  kAccessToken,    // REST calls
  kSignatureOnly,  // replay: tokens came from recorded answers, only validity is checked
};

struct OAuthGrant {
  std::string consumerKey;
  std::string token;
  std::string user;  // for access tokens
};

using OAuthOutcome = std::variant<OAuthGrant, OAuthProblem>;

class OAuthValidator {
 public:
  OAuthValidator(UrlParts configuredBase, const JiraState& state, TokenStore& tokens, NonceRegistry& nonces)
      : base_(std::move(configuredBase)), state_(state), tokens_(tokens), nonces_(nonces) {}

  OAuthOutcome validate(const HttpRequest& request, const ParamList& oauthParams, TokenRole role) const;

 private:
  std::optional<OAuthProblem> checkToken(const ParamList& oauthParams, const std::string& consumerKey,
                                         TokenRole role, OAuthGrant& grant) const;
  std::optional<OAuthProblem> checkSignature(const HttpRequest& request, const ParamList& oauthParams,
                                             const std::string& publicKey) const;

  UrlParts base_;
  const JiraState& state_;
  TokenStore& tokens_;
  NonceRegistry& nonces_;
};

}  // namespace ih::mock
