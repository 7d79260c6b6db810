#include "support/fake_crypto.h"

#include "ihp/sdk/hex.hpp"
#include "ihp/sdk/json.hpp"

namespace ih::jira::testing {
namespace {

struct Parts {
  std::string header, claims, signature;
  std::string signingInput;
};

std::optional<Parts> split(std::string_view token) {
  size_t first = token.find('.');
  if (first == std::string_view::npos) return std::nullopt;
  size_t second = token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos) return std::nullopt;
  auto header = base64UrlDecode(token.substr(0, first));
  auto claims = base64UrlDecode(token.substr(first + 1, second - first - 1));
  if (!header || !claims) return std::nullopt;
  return Parts{*header, *claims, std::string(token.substr(second + 1)), std::string(token.substr(0, second))};
}

bool isObject(const std::string& json) {
  ihp::sdk::json::Document doc;
  return ihp::sdk::json::parseObject(json, doc);
}

}  // namespace

std::array<uint8_t, 32> fakeMac(std::string_view key, std::string_view data) {
  std::array<uint8_t, 32> out{};
  for (size_t lane = 0; lane < 4; ++lane) {
    uint64_t h = 1469598103934665603ull ^ (lane * 0x9E3779B97F4A7C15ull);
    auto mix = [&h](std::string_view bytes) {
      for (char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
      }
      h ^= bytes.size();
      h *= 1099511628211ull;
    };
    mix(key);
    mix(data);
    for (size_t i = 0; i < 8; ++i) out[lane * 8 + i] = static_cast<uint8_t>(h >> (8 * i));
  }
  return out;
}

std::string fakeMacHex(std::string_view key, std::string_view data) { return ihp::sdk::hex::encode(fakeMac(key, data)); }

std::string makeJwt(std::string_view headerJson, std::string_view claimsJson, std::string_view secret) {
  std::string signingInput = base64UrlEncode(headerJson) + "." + base64UrlEncode(claimsJson);
  auto mac = fakeMac(secret, signingInput);
  return signingInput + "." + base64UrlEncode(std::string_view(reinterpret_cast<const char*>(mac.data()), mac.size()));
}

std::string makeHs256Jwt(std::string_view claimsJson, std::string_view secret) {
  return makeJwt(R"({"alg":"HS256","typ":"JWT"})", claimsJson, secret);
}

std::optional<std::string> peekJwtClaims(std::string_view token) {
  auto parts = split(token);
  if (!parts || !isObject(parts->claims)) return std::nullopt;
  return parts->claims;
}

JwtVerdict verifyJwt(std::string_view token, std::string_view secret, std::string* claims) {
  auto parts = split(token);
  if (!parts || !isObject(parts->header) || !isObject(parts->claims)) return JwtVerdict::Malformed;
  ihp::sdk::json::Document header;
  ihp::sdk::json::parse(parts->header, header);
  if (ihp::sdk::json::string(header, "alg") != "HS256") {
    return JwtVerdict::Rejected;  // none, RS256, ...: HS256 only
  }
  auto mac = fakeMac(secret, parts->signingInput);
  if (parts->signature != base64UrlEncode(std::string_view(reinterpret_cast<const char*>(mac.data()), mac.size()))) {
    return JwtVerdict::Rejected;
  }
  if (claims != nullptr) *claims = parts->claims;
  return JwtVerdict::Valid;
}

}  // namespace ih::jira::testing
