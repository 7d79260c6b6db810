// host/auth/crypto.h - the host's small crypto toolbox on top of OpenSSL:
// randomness, hashing, HMAC, constant-time comparison and the PEM
// private-key check. Everything here is thread-safe and never logs input.
// Hex is the SDK's (ihp/sdk/hex.hpp); base64url, which tokens are written
// in, is the host's one base64 codec (common/base64.h), included here for them.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/base64.h"

namespace ih::host::auth {

// Cryptographically secure random bytes (RAND_bytes); throws on failure.
std::string randomBytes(size_t count);
// `bytes` random bytes as lowercase hex (for tokens and ids).
std::string randomHex(size_t bytes);

std::string sha256Hex(std::string_view data);
std::array<uint8_t, 32> hmacSha256(std::string_view key, std::string_view data);

// Equal length and content; the time taken depends only on the lengths.
bool constantTimeEquals(std::string_view a, std::string_view b);

// True for an unencrypted PEM private key OpenSSL can load (PKCS#1 or PKCS#8).
bool isUnencryptedPemPrivateKey(std::string_view pem);

}  // namespace ih::host::auth
