// setup/oauth_dance.h - OAuth 1.0a legs 1 and 3 against Jira's application
// link servlet (RSA-SHA1, one attempt each, 30 s), with Sentry's user-facing
// failure messages. Token values are secrets: only the NAMES of the parameters
// Jira returned are ever logged.
#pragma once

#include <string>

#include "common/expected.h"
#include "ihp/sdk/host.hpp"
#include "setup/installation_form.h"

namespace ih::jira {

struct OAuthTokenPair {
  std::string token;
  std::string secret;
};

// POST {base}/plugins/servlet/oauth/request-token, signed with the consumer key
// only. Errors: "Could not fetch a request token from Jira. <reason>" or
// "Missing oauth_token".
Expected<OAuthTokenPair, std::string> fetchRequestToken(const ihp::sdk::Host& host, const InstallationData& data);

// POST {base}/plugins/servlet/oauth/access-token with the request token and the
// verifier. Any failure: "Could not fetch an access token from Jira".
Expected<OAuthTokenPair, std::string> fetchAccessToken(const ihp::sdk::Host& host, const InstallationData& data,
                                                       const OAuthTokenPair& requestToken,
                                                       const std::string& verifier);

// {base}/plugins/servlet/oauth/authorize?oauth_token=<token>
std::string authorizeUrl(const InstallationData& data, const std::string& requestToken);

}  // namespace ih::jira
