#include "auth/bearer_authenticator.h"

#include <cctype>

#include "auth/crypto.h"
#include "common/errors.h"

namespace ih::host::auth {

std::optional<std::string_view> BearerAuthenticator::bearerToken(std::string_view header) {
  constexpr std::string_view scheme = "bearer";
  if (header.size() <= scheme.size()) return std::nullopt;
  for (size_t i = 0; i < scheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(header[i])) != scheme[i]) return std::nullopt;
  }
  if (header[scheme.size()] != ' ') return std::nullopt;
  std::string_view token = header.substr(scheme.size() + 1);
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  while (!token.empty() && (token.back() == ' ' || token.back() == '\t')) token.remove_suffix(1);
  if (token.empty() || token.find(' ') != std::string_view::npos) return std::nullopt;
  return token;
}

bool BearerAuthenticator::isAdminToken(std::string_view token) const {
  return !adminToken_.empty() && constantTimeEquals(token, adminToken_);
}

std::string BearerAuthenticator::adminTokenHash() const { return adminToken_.empty() ? "" : sha256Hex(adminToken_); }

Principal BearerAuthenticator::authenticate(const std::optional<std::string>& authorizationHeader,
                                            const UserTokenLookup& lookupUser) const {
  if (!authorizationHeader) throw UnauthorizedError();
  std::optional<std::string_view> token = bearerToken(*authorizationHeader);
  if (!token) throw UnauthorizedError();
  if (isAdminToken(*token)) return Principal::admin();
  if (lookupUser) {
    if (std::optional<int64_t> userId = lookupUser(*token)) return Principal::user(*userId);
  }
  throw UnauthorizedError();
}

}  // namespace ih::host::auth
