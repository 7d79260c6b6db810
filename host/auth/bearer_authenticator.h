// host/auth/bearer_authenticator.h - turns an Authorization header into a
// Principal.
//
// "Bearer <admin token>" is the superuser (compared in constant time); any
// other bearer token is looked up as a user API token through the injected
// lookup (DirectoryService::userForApiToken in production), which keeps this
// library free of the domain layer. A missing, malformed or unknown token
// throws UnauthorizedError (401). Thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "auth/principal.h"

namespace ih::host::auth {

class BearerAuthenticator {
 public:
  using UserTokenLookup = std::function<std::optional<int64_t>(std::string_view token)>;

  // An empty admin token disables the superuser (nothing matches it).
  explicit BearerAuthenticator(std::string adminToken) : adminToken_(std::move(adminToken)) {}

  Principal authenticate(const std::optional<std::string>& authorizationHeader,
                         const UserTokenLookup& lookupUser) const;

  // Whether `token` is the admin token (constant time; false when disabled).
  bool isAdminToken(std::string_view token) const;
  // SHA-256 (hex) of the admin token, which admin sign-in sessions record so
  // that they end when the host runs with another token ("" when disabled).
  std::string adminTokenHash() const;

  // The token of "Bearer <token>" (scheme case-insensitive), or nullopt.
  static std::optional<std::string_view> bearerToken(std::string_view authorizationHeader);

 private:
  std::string adminToken_;
};

}  // namespace ih::host::auth
