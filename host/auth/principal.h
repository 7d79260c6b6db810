// host/auth/principal.h - who is calling the API: the superuser (the admin
// token) or one user (a user API token).
//
// Header-only on purpose: the HTTP layer carries a Principal in its request
// context without linking the auth library.
#pragma once

#include <cstdint>
#include <optional>

namespace ih::host::auth {

struct Principal {
  bool superuser = false;
  std::optional<int64_t> userId;  // none for the superuser

  static Principal admin() { return Principal{true, std::nullopt}; }
  static Principal user(int64_t id) { return Principal{false, id}; }

  // The user id a hook or change source records (0 = superuser/none).
  int64_t userIdOrZero() const { return userId.value_or(0); }
};

}  // namespace ih::host::auth
