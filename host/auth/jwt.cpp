// host/auth/jwt.cpp - HS256 compact JWS (auth/jwt.h). The algorithm is pinned:
// the header's "alg" is read only to refuse anything but HS256, before the
// secret is touched (RFC 8725 §3.1), and the MAC is compared in constant time.
#include "auth/jwt.h"

#include <cmath>
#include <optional>
#include <stdexcept>

#include "auth/crypto.h"
#include "common/base64.h"
#include "ihp/sdk/json.hpp"

namespace ih::host::auth {

namespace {

namespace json = ihp::sdk::json;

constexpr std::string_view kHeader = R"({"alg":"HS256","typ":"JWT"})";

struct Parts {
  std::string_view header, payload, signature;
  std::string_view signingInput() const {
    return std::string_view(header.data(), header.size() + 1 + payload.size());
  }
};

// Exactly three non-empty-header dot-separated parts.
std::optional<Parts> split(std::string_view token) {
  size_t first = token.find('.');
  if (first == std::string_view::npos) return std::nullopt;
  size_t second = token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos) return std::nullopt;
  Parts parts{token.substr(0, first), token.substr(first + 1, second - first - 1), token.substr(second + 1)};
  if (parts.header.empty() || parts.payload.empty()) return std::nullopt;
  return parts;
}

// Base64url-decodes a part that must be a JSON object.
std::optional<std::string> decodeObject(std::string_view part, json::Document& doc) {
  auto text = base64UrlDecode(part);
  if (!text || !json::parseObject(*text, doc)) return std::nullopt;
  return text;
}

std::string signatureFor(std::string_view signingInput, std::string_view secret) {
  auto mac = hmacSha256(secret, signingInput);
  return base64UrlEncode(std::string_view(reinterpret_cast<const char*>(mac.data()), mac.size()));
}

// A NumericDate claim in milliseconds: absent, a number, or malformed.
enum class DateClaim { Absent, Present, Malformed };
DateClaim dateClaim(const json::Value& claims, std::string_view name, double& outMs) {
  const json::Value* value = json::member(claims, name);
  if (value == nullptr) return DateClaim::Absent;
  if (!value->IsNumber() || !std::isfinite(value->GetDouble())) return DateClaim::Malformed;
  outMs = value->GetDouble() * 1000.0;
  return DateClaim::Present;
}

}  // namespace

std::string jwtSignHs256(std::string_view claimsJson, std::string_view secret) {
  if (secret.empty()) throw std::invalid_argument("an HS256 secret must not be empty");
  json::Document claims;
  if (!json::parseObject(claimsJson, claims)) throw std::invalid_argument("JWT claims must be a JSON object");
  std::string signingInput = base64UrlEncode(kHeader) + "." + base64UrlEncode(claimsJson);
  std::string signature = signatureFor(signingInput, secret);
  return signingInput + "." + signature;
}

JwtResult jwtVerifyHs256(std::string_view token, std::string_view secret, int64_t nowMs, int64_t leewayMs) {
  auto parts = split(token);
  if (!parts) return {JwtError::Malformed, {}};
  json::Document header;
  if (!decodeObject(parts->header, header)) return {JwtError::Malformed, {}};
  // Pinned algorithm: "none", RS256 (key confusion) and the rest stop here.
  if (json::stringOr(header, "alg") != "HS256") return {JwtError::UnsupportedAlgorithm, {}};
  // Critical extensions we do not implement must be refused (RFC 7515 §4.1.11).
  if (json::member(header, "crit") != nullptr) return {JwtError::UnsupportedAlgorithm, {}};
  auto received = base64UrlDecode(parts->signature);
  if (!received || received->size() != 32) return {JwtError::BadSignature, {}};
  // An empty secret would make every token forgeable: it never verifies.
  if (secret.empty()) return {JwtError::BadSignature, {}};
  auto expected = hmacSha256(secret, parts->signingInput());
  if (!constantTimeEquals(*received, std::string_view(reinterpret_cast<const char*>(expected.data()), expected.size())))
    return {JwtError::BadSignature, {}};

  json::Document claims;
  auto claimsText = decodeObject(parts->payload, claims);
  if (!claimsText) return {JwtError::Malformed, {}};
  double expMs = 0, nbfMs = 0;
  auto exp = dateClaim(claims, "exp", expMs);
  auto nbf = dateClaim(claims, "nbf", nbfMs);
  if (exp == DateClaim::Malformed || nbf == DateClaim::Malformed) return {JwtError::Malformed, {}};
  const double now = static_cast<double>(nowMs);
  const double leeway = static_cast<double>(leewayMs);
  if (exp == DateClaim::Present && now >= expMs + leeway) return {JwtError::Expired, {}};
  if (nbf == DateClaim::Present && now < nbfMs - leeway) return {JwtError::NotYetValid, {}};
  return {JwtError::None, std::move(*claimsText)};
}

JwtResult jwtPeekClaims(std::string_view token) {
  auto parts = split(token);
  if (!parts) return {JwtError::Malformed, {}};
  json::Document header, claims;
  if (!decodeObject(parts->header, header)) return {JwtError::Malformed, {}};
  auto claimsText = decodeObject(parts->payload, claims);
  if (!claimsText) return {JwtError::Malformed, {}};
  return {JwtError::None, std::move(*claimsText)};
}

const char* toString(JwtError error) {
  switch (error) {
    case JwtError::None: return "ok";
    case JwtError::Malformed: return "malformed token";
    case JwtError::UnsupportedAlgorithm: return "unsupported algorithm";
    case JwtError::BadSignature: return "bad signature";
    case JwtError::Expired: return "token expired";
    case JwtError::NotYetValid: return "token not yet valid";
  }
  return "unknown";
}

}  // namespace ih::host::auth
