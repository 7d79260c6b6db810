// host/auth/password_service.h - users' passwords: the rules a new password
// must meet, storing its scrypt hash, and checking one.
//
// Rules: 8 to 256 characters (length is what makes a password strong; the
// cap keeps one hash from costing more than any other). A check of an
// account that has no password still spends one scrypt derivation
// (verifyNothing), so response times do not reveal which emails exist.
// A successful check of a hash made with older parameters re-hashes it.
// Thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

#include "auth/password_hash.h"
#include "storage/unit_of_work.h"

namespace ih::host::auth {

class PasswordService {
 public:
  static constexpr size_t kMinLength = 8;
  static constexpr size_t kMaxLength = 256;

  explicit PasswordService(ScryptParams params = {});

  // ValidationError {"<field>": [...]} when the password breaks a rule.
  void validate(std::string_view password, const std::string& field = "password") const;
  // Validates, hashes and stores the user's new password.
  void set(storage::UnitOfWork& uow, int64_t userId, std::string_view password) const;
  // False for a wrong password, a user without one and an inactive user.
  bool verify(storage::UnitOfWork& uow, int64_t userId, std::string_view password) const;
  // Costs what verify() costs, answers false.
  bool verifyNothing(std::string_view password) const;

 private:
  const std::string& decoy() const;

  ScryptParams params_;
  // A hash no password matches, for verifyNothing; made at first use, so
  // start-up does not pay a derivation.
  mutable std::once_flag decoyOnce_;
  mutable std::string decoy_;
};

}  // namespace ih::host::auth
