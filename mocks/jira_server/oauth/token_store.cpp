#include "oauth/token_store.h"

#include "common/random_token.h"

namespace ih::mock {

RequestToken TokenStore::issueRequestToken(const std::string& consumerKey, std::int64_t nowMs) {
  RequestToken token{randomAlphanumeric(32), randomAlphanumeric(32), consumerKey, nowMs, std::nullopt, "", false};
  std::lock_guard lock(mutex_);
  requestTokens_[token.token] = token;
  return token;
}

std::optional<RequestToken> TokenStore::requestToken(const std::string& token, std::int64_t nowMs) const {
  std::lock_guard lock(mutex_);
  auto it = requestTokens_.find(token);
  if (it == requestTokens_.end()) return std::nullopt;
  RequestToken copy = it->second;
  if (nowMs - copy.issuedMs > kRequestTokenLifetimeMs) copy.expired = true;
  return copy;
}

std::optional<std::string> TokenStore::approve(const std::string& token, const std::string& user) {
  std::lock_guard lock(mutex_);
  auto it = requestTokens_.find(token);
  if (it == requestTokens_.end()) return std::nullopt;
  it->second.approvedUser = user;
  if (it->second.verifier.empty()) it->second.verifier = randomAlphanumeric(6);
  return it->second.verifier;
}

AccessToken TokenStore::exchange(const std::string& requestToken) {
  std::lock_guard lock(mutex_);
  auto it = requestTokens_.find(requestToken);
  AccessToken access{randomAlphanumeric(32), it->second.secret, it->second.consumerKey,
                     it->second.approvedUser.value_or(""), randomAlphanumeric(32), false};
  requestTokens_.erase(it);
  accessTokens_[access.token] = access;
  return access;
}

std::optional<AccessToken> TokenStore::accessToken(const std::string& token) const {
  std::lock_guard lock(mutex_);
  auto it = accessTokens_.find(token);
  if (it == accessTokens_.end()) return std::nullopt;
  return it->second;
}

bool TokenStore::expire(const std::string& token) {
  std::lock_guard lock(mutex_);
  if (auto it = requestTokens_.find(token); it != requestTokens_.end()) {
    it->second.expired = true;
    return true;
  }
  if (auto it = accessTokens_.find(token); it != accessTokens_.end()) {
    it->second.expired = true;
    return true;
  }
  return false;
}

}  // namespace ih::mock
