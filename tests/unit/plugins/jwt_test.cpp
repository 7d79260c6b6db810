// Unit tests for host/auth/jwt.h: HS256 pinned, constant-time verification,
// exp/nbf with leeway, and the pitfalls of design-anchors §5.2.
#include <gtest/gtest.h>

#include "auth/crypto.h"
#include "auth/jwt.h"
#include "common/base64.h"

namespace ih::host::auth {
namespace {

constexpr int64_t kNow = 1700000000000;  // ms
const std::string kSecret = "s3cret-for-tests-only";

std::string b64(std::string_view text) { return base64UrlEncode(text); }

std::string part(const std::string& token, int index) {
  size_t first = token.find('.'), second = token.find('.', first + 1);
  if (index == 0) return token.substr(0, first);
  if (index == 1) return token.substr(first + 1, second - first - 1);
  return token.substr(second + 1);
}

TEST(Jwt, SignVerifyRoundTrip) {
  std::string claims = R"({"sub":"42","iss":"test"})";
  std::string token = jwtSignHs256(claims, kSecret);
  EXPECT_EQ(part(token, 0), b64(R"({"alg":"HS256","typ":"JWT"})"));
  auto result = jwtVerifyHs256(token, kSecret, kNow);
  ASSERT_TRUE(result.ok()) << toString(result.error);
  EXPECT_EQ(result.claimsJson, claims);
}

TEST(Jwt, Rfc7515AppendixA1VectorVerifies) {
  auto key = base64UrlDecode("AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow");
  ASSERT_TRUE(key.has_value());
  const std::string token =
      "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
      ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
      ".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  auto result = jwtVerifyHs256(token, *key, 1300819370000);  // before its exp
  ASSERT_TRUE(result.ok()) << toString(result.error);
  EXPECT_NE(result.claimsJson.find("\"iss\":\"joe\""), std::string::npos);
  // The same token after exp + leeway.
  EXPECT_EQ(jwtVerifyHs256(token, *key, 1300819380000 + 60000).error, JwtError::Expired);
}

TEST(Jwt, TamperedPayloadIsRefused) {
  std::string token = jwtSignHs256(R"({"admin":false})", kSecret);
  std::string forged = part(token, 0) + "." + b64(R"({"admin":true})") + "." + part(token, 2);
  EXPECT_EQ(jwtVerifyHs256(forged, kSecret, kNow).error, JwtError::BadSignature);
}

TEST(Jwt, WrongSecretIsRefused) {
  std::string token = jwtSignHs256(R"({"a":1})", kSecret);
  EXPECT_EQ(jwtVerifyHs256(token, "another secret", kNow).error, JwtError::BadSignature);
  EXPECT_EQ(jwtVerifyHs256(token, "", kNow).error, JwtError::BadSignature);
}

TEST(Jwt, AlgNoneIsRefused) {
  std::string body = b64(R"({"a":1})");
  EXPECT_EQ(jwtVerifyHs256(b64(R"({"alg":"none","typ":"JWT"})") + "." + body + ".", kSecret, kNow).error,
            JwtError::UnsupportedAlgorithm);
  // Even with a valid-looking HS256 MAC attached.
  std::string token = jwtSignHs256(R"({"a":1})", kSecret);
  EXPECT_EQ(jwtVerifyHs256(b64(R"({"alg":"none"})") + "." + body + "." + part(token, 2), kSecret, kNow).error,
            JwtError::UnsupportedAlgorithm);
  EXPECT_EQ(jwtVerifyHs256(b64(R"({"alg":"None"})") + "." + body + "." + part(token, 2), kSecret, kNow).error,
            JwtError::UnsupportedAlgorithm);
}

TEST(Jwt, Rs256HeaderIsRefusedBeforeTheKeyIsUsed) {
  // HS/RS confusion: an attacker MACs with what they think is our public key.
  std::string header = b64(R"({"alg":"RS256","typ":"JWT"})");
  std::string body = b64(R"({"a":1})");
  auto mac = hmacSha256(kSecret, header + "." + body);
  std::string sig = base64UrlEncode(std::string(reinterpret_cast<const char*>(mac.data()), mac.size()));
  EXPECT_EQ(jwtVerifyHs256(header + "." + body + "." + sig, kSecret, kNow).error, JwtError::UnsupportedAlgorithm);
  EXPECT_EQ(jwtVerifyHs256(b64(R"({"typ":"JWT"})") + "." + body + "." + sig, kSecret, kNow).error,
            JwtError::UnsupportedAlgorithm);
}

TEST(Jwt, MissingSignatureIsRefused) {
  std::string token = jwtSignHs256(R"({"a":1})", kSecret);
  EXPECT_EQ(jwtVerifyHs256(part(token, 0) + "." + part(token, 1) + ".", kSecret, kNow).error, JwtError::BadSignature);
  EXPECT_EQ(jwtVerifyHs256(part(token, 0) + "." + part(token, 1), kSecret, kNow).error, JwtError::Malformed);
  std::string truncated = token.substr(0, token.size() - 2);
  EXPECT_EQ(jwtVerifyHs256(truncated, kSecret, kNow).error, JwtError::BadSignature);
}

TEST(Jwt, GarbageIsMalformed) {
  for (const char* garbage : {"", ".", "..", "...", "abc", "a.b.c", "!!!.???.###", "a.b.c.d"}) {
    EXPECT_EQ(jwtVerifyHs256(garbage, kSecret, kNow).error, JwtError::Malformed) << garbage;
    EXPECT_EQ(jwtPeekClaims(garbage).error, JwtError::Malformed) << garbage;
  }
  // A payload that is JSON but not an object.
  EXPECT_EQ(jwtPeekClaims(b64(R"({"alg":"HS256"})") + "." + b64("[1]") + ".x").error, JwtError::Malformed);
  EXPECT_THROW(jwtSignHs256("[1]", kSecret), std::invalid_argument);
  EXPECT_THROW(jwtSignHs256(R"({"a":1})", ""), std::invalid_argument);
}

TEST(Jwt, ExpiryHonoursLeeway) {
  const int64_t exp = kNow / 1000;  // seconds
  std::string token = jwtSignHs256(R"({"exp":)" + std::to_string(exp) + "}", kSecret);
  EXPECT_TRUE(jwtVerifyHs256(token, kSecret, kNow - 1000).ok());
  EXPECT_TRUE(jwtVerifyHs256(token, kSecret, kNow + 59000).ok());  // within 60 s leeway
  EXPECT_EQ(jwtVerifyHs256(token, kSecret, kNow + 60000).error, JwtError::Expired);
  EXPECT_EQ(jwtVerifyHs256(token, kSecret, kNow, 0).error, JwtError::Expired);
}

TEST(Jwt, NotBeforeHonoursLeeway) {
  const int64_t nbf = kNow / 1000 + 120;
  std::string token = jwtSignHs256(R"({"nbf":)" + std::to_string(nbf) + "}", kSecret);
  EXPECT_EQ(jwtVerifyHs256(token, kSecret, kNow).error, JwtError::NotYetValid);
  EXPECT_TRUE(jwtVerifyHs256(token, kSecret, kNow + 61000).ok());
  EXPECT_TRUE(jwtVerifyHs256(token, kSecret, kNow + 120000).ok());
}

TEST(Jwt, NonNumericDatesAreMalformed) {
  std::string token = jwtSignHs256(R"({"exp":"tomorrow"})", kSecret);
  EXPECT_EQ(jwtVerifyHs256(token, kSecret, kNow).error, JwtError::Malformed);
}

TEST(Jwt, PeekReadsClaimsWithoutVerifying) {
  std::string token = jwtSignHs256(R"({"iss":"jira:123"})", kSecret);
  auto peeked = jwtPeekClaims(token);
  ASSERT_TRUE(peeked.ok());
  EXPECT_EQ(peeked.claimsJson, R"({"iss":"jira:123"})");
}

}  // namespace
}  // namespace ih::host::auth
