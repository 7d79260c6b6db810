// Proxy mode (--upstream): forwards each Jira request to a real Jira so the exchange can be
// recorded. The client signed OAuth requests for the mock's URL, so they are re-signed for
// the upstream URL with the upstream consumer key and private key (token and verifier are
// kept); PAT bearer headers pass through. Upstream base URLs in answers are rewritten to the
// mock's, so the client keeps talking to the mock.
#pragma once

#include <string>

#include "common/http_types.h"

namespace ih::mock {

struct ProxySettings {
  std::string upstreamBaseUrl;  // context path included
  std::string consumerKey;      // empty: OAuth headers are forwarded unchanged
  std::string privateKeyPem;
  std::string mockBaseUrl;
  std::string mockContextPath;
};

class ProxyForwarder {
 public:
  explicit ProxyForwarder(ProxySettings settings) : settings_(std::move(settings)) {}

  HttpResponse forward(const HttpRequest& request) const;

 private:
  std::string resign(const HttpRequest& request, const std::string& upstreamUrl) const;

  ProxySettings settings_;
};

}  // namespace ih::mock
