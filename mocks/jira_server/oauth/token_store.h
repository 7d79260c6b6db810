// OAuth 1.0a token lifecycle on the provider side: request tokens (10 minute life,
// approved by a user, exchanged once) and access tokens (act as the approving user).
// Thread-safe; both kinds can be expired on demand for tests.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace ih::mock {

struct RequestToken {
  std::string token;
  std::string secret;
  std::string consumerKey;
  std::int64_t issuedMs = 0;
  std::optional<std::string> approvedUser;
  std::string verifier;
  bool expired = false;
};

struct AccessToken {
  std::string token;
  std::string secret;
  std::string consumerKey;
  std::string user;
  std::string sessionHandle;
  bool expired = false;
};

class TokenStore {
 public:
  static constexpr std::int64_t kRequestTokenLifetimeMs = 10 * 60 * 1000;

  RequestToken issueRequestToken(const std::string& consumerKey, std::int64_t nowMs);
  // The token as the provider sees it now (time-based expiry applied).
  std::optional<RequestToken> requestToken(const std::string& token, std::int64_t nowMs) const;
  // Returns the verifier the browser redirect would carry, or nullopt for an unknown token.
  std::optional<std::string> approve(const std::string& token, const std::string& user);
  // Consumes the request token.
  AccessToken exchange(const std::string& requestToken);
  std::optional<AccessToken> accessToken(const std::string& token) const;
  // Marks a request or access token expired; false when unknown.
  bool expire(const std::string& token);

 private:
  mutable std::mutex mutex_;
  std::map<std::string, RequestToken> requestTokens_;
  std::map<std::string, AccessToken> accessTokens_;
};

}  // namespace ih::mock
