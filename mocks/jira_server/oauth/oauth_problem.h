// Jira's answers for refused OAuth requests: 401, a form-encoded `oauth_problem=...` body
// (plus problem-specific details), and the problem repeated in WWW-Authenticate.
#pragma once

#include <string>

#include "common/http_types.h"

namespace ih::mock {

struct OAuthProblem {
  std::string problem;  // consumer_key_unknown, signature_invalid, nonce_used, ...
  ParamList details;    // e.g. oauth_signature_base_string for signature_invalid
};

HttpResponse oauthProblemResponse(const OAuthProblem& problem, const std::string& baseUrl);
// `OAuth realm="<urlencoded base url>"`, the challenge on every 401.
std::string oauthChallenge(const std::string& baseUrl);

}  // namespace ih::mock
