// host/auth/password_hash.h - password hashing with scrypt (OpenSSL 3's
// EVP_KDF "SCRYPT").
//
// A hash is one self-describing string, PHC style:
//   $scrypt$ln=15,r=8,p=3$<salt>$<hash>
// (salt 16 random bytes, hash 32 bytes, both base64url without padding), so
// every user's salt and cost parameters live beside the hash and the cost can
// be raised later: verify() reads the parameters from the string, and
// needsRehash() says when a stored hash is weaker than today's parameters.
// Comparison is constant-time. Thread-safe; never logs input.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ih::host::auth {

struct ScryptParams {
  // OWASP's 32 MiB row (N=2^15, r=8, p=3): ~0.1-0.3 s per hash here, slow
  // enough to make offline guessing expensive, fast enough for a sign-in.
  uint32_t logN = 15;
  uint32_t r = 8;
  uint32_t p = 3;

  bool operator==(const ScryptParams&) const = default;
};

// Throws std::runtime_error when OpenSSL cannot derive (never for valid params).
std::string hashPassword(std::string_view password, const ScryptParams& params = {});

// False for a wrong password and for a string that is not a hash this
// function can read (including parameters beyond the sane bounds, so a
// tampered row cannot make the host spend gigabytes).
bool verifyPassword(std::string_view password, std::string_view encoded);

// The parameters of a stored hash; nullopt when it is not one.
std::optional<ScryptParams> scryptParamsOf(std::string_view encoded);

// True when the stored hash is unreadable or uses other parameters than `current`.
bool needsRehash(std::string_view encoded, const ScryptParams& current = {});

}  // namespace ih::host::auth
