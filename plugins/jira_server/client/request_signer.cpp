#include "client/request_signer.h"

namespace ih::jira {

ihp::sdk::Result<std::string> RequestSigner::authorization(const ihp::sdk::Host& host, std::string_view method,
                                                           std::string_view url,
                                                           const std::optional<OAuthLeg>& leg) const {
  if (credentials_.authType == AuthType::PersonalAccessToken) {
    return ihp::sdk::Result<std::string>::success("Bearer " + credentials_.personalAccessToken);
  }
  ihp::sdk::OAuth1Params params;
  params.method = std::string(method);
  params.url = std::string(url);
  params.consumerKey = credentials_.consumerKey;
  params.privateKeyPem = credentials_.privateKey;
  params.token = leg ? leg->token : credentials_.accessToken;
  params.verifier = leg ? leg->verifier : std::string();
  return host.oauth1Sign(params);
}

}  // namespace ih::jira
