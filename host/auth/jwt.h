// host/auth/jwt.h - compact JWS with HS256, pinned.
//
// Signing always writes {"alg":"HS256","typ":"JWT"}. Verification accepts
// HS256 only (alg "none", RS256 or anything else is refused before any key
// is used), compares the MAC in constant time, and checks exp/nbf when the
// claims carry them (with a small leeway). Peeking decodes the claims without
// verifying, only to find which key to verify with.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ih::host::auth {

enum class JwtError { None, Malformed, UnsupportedAlgorithm, BadSignature, Expired, NotYetValid };

struct JwtResult {
  JwtError error = JwtError::None;
  std::string claimsJson;  // set when error == None
  bool ok() const { return error == JwtError::None; }
};

std::string jwtSignHs256(std::string_view claimsJson, std::string_view secret);
JwtResult jwtVerifyHs256(std::string_view token, std::string_view secret, int64_t nowMs, int64_t leewayMs = 60000);
JwtResult jwtPeekClaims(std::string_view token);
const char* toString(JwtError error);

}  // namespace ih::host::auth
