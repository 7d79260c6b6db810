// OAuth 1.0a RSA-SHA1 request signing (RFC 5849) for Jira Server/DC application links.
// The host signs every call to a Jira that was installed with a consumer key and an RSA
// private key; Jira verifies with the public key configured on its incoming link.
// JSON bodies are not part of the signature (as in Jira and oauthlib); query parameters
// are, and the URL's path is kept as is, context path included.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ih::host::auth {

struct OAuth1Request {
  std::string method;         // "POST"
  std::string url;            // absolute, may contain a query string; path may contain a context path
  std::string consumerKey;
  std::string privateKeyPem;  // PKCS#1 or PKCS#8, unencrypted
  std::string token;          // optional (empty = omit oauth_token)
  std::string verifier;       // optional (empty = omit oauth_verifier)
};

// Returns the full Authorization header value:
// `OAuth oauth_consumer_key="…", oauth_nonce="…", oauth_signature="…", oauth_signature_method="RSA-SHA1",
//  oauth_timestamp="…", oauth_token="…", oauth_verifier="…", oauth_version="1.0"`.
// A fresh random nonce (128 bits from OpenSSL RAND_bytes) and the current timestamp per
// call. Throws std::invalid_argument on an unusable key or URL.
std::string signOAuth1(const OAuth1Request& request);

// RFC 5849 §3.4.1 signature base string: uppercase method, the base string URI (lowercase
// scheme and host, default port dropped, no query), and the sorted, encoded parameters
// from the URL's query plus `oauthParams` (which must not contain oauth_signature),
// encoded per §3.6 by the SDK's percent encoder (ihp/sdk/url.hpp).
std::string oauth1BaseString(const std::string& method, const std::string& url,
                             const std::vector<std::pair<std::string, std::string>>& oauthParams);

}  // namespace ih::host::auth
