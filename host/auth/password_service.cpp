// host/auth/password_service.cpp - see password_service.h.
#include "auth/password_service.h"

#include "auth/crypto.h"
#include "common/errors.h"
#include "storage/sign_in_repositories.h"

namespace ih::host::auth {

namespace {

// Characters, not bytes: a UTF-8 sequence counts once.
size_t characterCount(std::string_view text) {
  size_t count = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) ++count;
  }
  return count;
}

}  // namespace

PasswordService::PasswordService(ScryptParams params) : params_(params) {}

const std::string& PasswordService::decoy() const {
  std::call_once(decoyOnce_, [this] { decoy_ = hashPassword(randomHex(16), params_); });
  return decoy_;
}

void PasswordService::validate(std::string_view password, const std::string& field) const {
  const size_t length = characterCount(password);
  if (length < kMinLength) {
    throw ValidationError(field, "Ensure this field has at least " + std::to_string(kMinLength) + " characters.");
  }
  if (length > kMaxLength) {
    throw ValidationError(field, "Ensure this field has no more than " + std::to_string(kMaxLength) + " characters.");
  }
}

void PasswordService::set(storage::UnitOfWork& uow, int64_t userId, std::string_view password) const {
  validate(password);
  storage::PasswordRepository(uow).set(userId, hashPassword(password, params_));
}

bool PasswordService::verify(storage::UnitOfWork& uow, int64_t userId, std::string_view password) const {
  storage::PasswordRepository passwords(uow);
  std::optional<std::string> stored = passwords.hashOf(userId);
  if (!stored) return verifyNothing(password);
  if (!verifyPassword(password, *stored)) return false;
  if (needsRehash(*stored, params_)) passwords.set(userId, hashPassword(password, params_));
  return true;
}

bool PasswordService::verifyNothing(std::string_view password) const {
  verifyPassword(password, decoy());
  return false;
}

}  // namespace ih::host::auth
