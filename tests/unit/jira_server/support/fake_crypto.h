// fake_crypto.h - deterministic stand-ins for the host's crypto, so plugin
// tests can craft tokens and signatures. The host does the real crypto (and is
// tested for it); here only the SHAPE matters: a JWT is three base64url parts
// and verifies only with HS256 and the right secret, an HMAC depends on key
// and data. These are NOT secure and never leave the tests.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/base64.h"

namespace ih::jira::testing {

// base64url is the host's codec (common/base64.h): only the MAC is fake.
using ih::host::base64UrlDecode;
using ih::host::base64UrlEncode;

// 32 bytes that depend on every byte of key and data.
std::array<uint8_t, 32> fakeMac(std::string_view key, std::string_view data);
std::string fakeMacHex(std::string_view key, std::string_view data);

// header.claims.signature with the given header JSON (e.g. {"alg":"none"}).
std::string makeJwt(std::string_view headerJson, std::string_view claimsJson, std::string_view secret);
// The host's HS256 token shape.
std::string makeHs256Jwt(std::string_view claimsJson, std::string_view secret);

// What the fake host's jwt_peek_claims / jwt_hs256_verify answer: the claims,
// or nullopt (INVALID for peek; INVALID/UNAUTHORIZED for verify).
std::optional<std::string> peekJwtClaims(std::string_view token);
enum class JwtVerdict { Valid, Malformed, Rejected };
JwtVerdict verifyJwt(std::string_view token, std::string_view secret, std::string* claims);

}  // namespace ih::jira::testing
