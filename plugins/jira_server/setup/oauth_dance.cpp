#include "setup/oauth_dance.h"

#include "client/jira_client.h"
#include "ihp/sdk/url.hpp"

namespace ih::jira {
namespace {

constexpr const char* kRequestTokenPath = "/plugins/servlet/oauth/request-token";
constexpr const char* kAccessTokenPath = "/plugins/servlet/oauth/access-token";
constexpr const char* kAccessTokenFailed = "Could not fetch an access token from Jira";

// One leg: POST with no body, signed as the leg says; the form-encoded answer.
ApiResult<std::vector<std::pair<std::string, std::string>>> postLeg(const ihp::sdk::Host& host,
                                                                    const InstallationData& data,
                                                                    const char* path, OAuthLeg leg) {
  JiraRequest request;
  request.method = "POST";
  request.path = path;
  request.oauthLeg = std::move(leg);
  auto response = JiraClient(host, data.connection()).send(request);
  if (!response) return fail(response.error());
  return ihp::sdk::url::parseQuery(response->body);
}

// The token pair of a leg's answer, and the names of every key Jira sent (for
// the log, so a missing token can be diagnosed without logging a value).
std::optional<OAuthTokenPair> tokenPair(const std::vector<std::pair<std::string, std::string>>& form,
                                        std::string& keyNames) {
  OAuthTokenPair pair;
  for (const auto& [name, value] : form) {
    keyNames += (keyNames.empty() ? "" : ",") + name;
    if (name == "oauth_token" && pair.token.empty()) pair.token = value;
    if (name == "oauth_token_secret" && pair.secret.empty()) pair.secret = value;
  }
  if (pair.token.empty() || pair.secret.empty()) return std::nullopt;
  return pair;
}

}  // namespace

Expected<OAuthTokenPair, std::string> fetchRequestToken(const ihp::sdk::Host& host, const InstallationData& data) {
  auto form = postLeg(host, data, kRequestTokenPath, OAuthLeg{});
  if (!form) {
    host.warn("oauth-request-token-failed: status " + std::to_string(form.error().status()));
    return fail("Could not fetch a request token from Jira. " + form.error().text());
  }
  std::string keyNames;
  auto pair = tokenPair(form.value(), keyNames);
  if (!pair) {
    host.warn("oauth-missing-token: request-token response keys=[" + keyNames + "]");
    return fail(std::string("Missing oauth_token"));
  }
  return std::move(*pair);
}

Expected<OAuthTokenPair, std::string> fetchAccessToken(const ihp::sdk::Host& host, const InstallationData& data,
                                                       const OAuthTokenPair& requestToken,
                                                       const std::string& verifier) {
  auto form = postLeg(host, data, kAccessTokenPath, OAuthLeg{requestToken.token, verifier});
  if (!form) {
    host.warn("oauth-access-token-failed: status " + std::to_string(form.error().status()));
    return fail(std::string(kAccessTokenFailed));
  }
  std::string keyNames;
  auto pair = tokenPair(form.value(), keyNames);
  if (!pair) {
    host.warn("oauth-missing-token: access-token response keys=[" + keyNames + "]");
    return fail(std::string(kAccessTokenFailed));
  }
  return std::move(*pair);
}

std::string authorizeUrl(const InstallationData& data, const std::string& requestToken) {
  return data.url + "/plugins/servlet/oauth/authorize?oauth_token=" + ihp::sdk::url::percentEncode(requestToken);
}

}  // namespace ih::jira
