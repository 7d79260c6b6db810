// client/request_signer.h - the Authorization header of one request attempt.
// OAuth 1.0a goes through the host's RSA-SHA1 signer with a fresh nonce and
// timestamp every time (Jira rejects a reused nonce, which is also why nothing
// here or in the host ever retries a request as-is); a personal access token is
// sent as "Bearer <token>". Header values are secrets: never log them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "client/jira_connection.h"
#include "ihp/sdk/host.hpp"

namespace ih::jira {

// The OAuth dance's legs sign with something other than the access token:
// leg 1 with no token at all, leg 3 with the request token and the verifier.
struct OAuthLeg {
  std::string token;     // empty = omitted (request-token call)
  std::string verifier;  // empty = omitted
};

class RequestSigner {
 public:
  explicit RequestSigner(const JiraCredentials& credentials) : credentials_(credentials) {}

  ihp::sdk::Result<std::string> authorization(const ihp::sdk::Host& host, std::string_view method,
                                              std::string_view url, const std::optional<OAuthLeg>& leg) const;

 private:
  const JiraCredentials& credentials_;
};

}  // namespace ih::jira
