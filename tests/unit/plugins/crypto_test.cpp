// Unit tests for host/auth/crypto.h: known-answer HMAC, constant-time
// comparison, base64url, and the PEM private-key check.
#include <gtest/gtest.h>

#include "auth/crypto.h"
#include "test_data.h"

namespace ih::host::auth {
namespace {

std::string asString(const std::array<uint8_t, 32>& mac) {
  return std::string(reinterpret_cast<const char*>(mac.data()), mac.size());
}

TEST(Crypto, HmacMatchesGitHubWebhookVector) {
  auto mac = hmacSha256("It's a Secret to Everybody", "Hello, World!");
  EXPECT_EQ(toHex(asString(mac)), "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
}

TEST(Crypto, HmacAcceptsEmptyKeyAndData) {
  // RFC 4231-style sanity: HMAC-SHA256("", "") is a fixed value.
  EXPECT_EQ(toHex(asString(hmacSha256("", ""))), "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
}

TEST(Crypto, Sha256KnownAnswer) {
  EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Crypto, ConstantTimeEquals) {
  EXPECT_TRUE(constantTimeEquals("", ""));
  EXPECT_TRUE(constantTimeEquals("abc", "abc"));
  EXPECT_FALSE(constantTimeEquals("abc", "abd"));
  EXPECT_FALSE(constantTimeEquals("abc", "abcd"));
  EXPECT_FALSE(constantTimeEquals("abc", ""));
  EXPECT_TRUE(constantTimeEquals(std::string("a\0b", 3), std::string("a\0b", 3)));
  EXPECT_FALSE(constantTimeEquals(std::string("a\0b", 3), std::string("a\0c", 3)));
}

TEST(Crypto, RandomBytesHaveTheRequestedLengthAndDiffer) {
  EXPECT_EQ(randomBytes(0).size(), 0u);
  EXPECT_EQ(randomBytes(32).size(), 32u);
  EXPECT_NE(randomBytes(32), randomBytes(32));
  std::string hex = randomHex(16);
  EXPECT_EQ(hex.size(), 32u);
  EXPECT_EQ(hex.find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST(Crypto, Base64UrlRoundTripsEveryLength) {
  std::string bytes;
  for (int i = 0; i < 70; ++i) {
    auto encoded = base64UrlEncode(bytes);
    EXPECT_EQ(encoded.find_first_of("+/="), std::string::npos);
    auto decoded = base64UrlDecode(encoded);
    ASSERT_TRUE(decoded.has_value()) << encoded;
    EXPECT_EQ(*decoded, bytes);
    bytes.push_back(static_cast<char>(i * 37 + 251));
  }
}

TEST(Crypto, Base64UrlKnownValues) {
  EXPECT_EQ(base64UrlEncode("f"), "Zg");
  EXPECT_EQ(base64UrlEncode("fo"), "Zm8");
  EXPECT_EQ(base64UrlEncode("foo"), "Zm9v");
  EXPECT_EQ(base64UrlEncode("\xfb\xff"), "-_8");
}

TEST(Crypto, Base64UrlDecodeIsStrict) {
  EXPECT_FALSE(base64UrlDecode("Zm9v=").has_value());   // padding
  EXPECT_FALSE(base64UrlDecode("Zm+v").has_value());    // standard alphabet
  EXPECT_FALSE(base64UrlDecode("Z").has_value());       // impossible length
  EXPECT_FALSE(base64UrlDecode("Zh").has_value());      // non-canonical trailing bits
  EXPECT_FALSE(base64UrlDecode("Zm 9v").has_value());   // whitespace
  EXPECT_EQ(base64UrlDecode("").value(), "");
}

TEST(Crypto, PemKeyCheckAcceptsPkcs1AndPkcs8) {
  EXPECT_TRUE(isUnencryptedPemPrivateKey(test::readTestData("rsa_pkcs1.pem")));
  EXPECT_TRUE(isUnencryptedPemPrivateKey(test::readTestData("rsa_pkcs8.pem")));
}

TEST(Crypto, PemKeyCheckRefusesEncryptedKeysWithoutPrompting) {
  EXPECT_FALSE(isUnencryptedPemPrivateKey(test::readTestData("rsa_pkcs8_encrypted.pem")));
  EXPECT_FALSE(isUnencryptedPemPrivateKey(test::readTestData("rsa_pkcs1_encrypted.pem")));
}

TEST(Crypto, PemKeyCheckRefusesGarbage) {
  EXPECT_FALSE(isUnencryptedPemPrivateKey(""));
  EXPECT_FALSE(isUnencryptedPemPrivateKey("not a key"));
  EXPECT_FALSE(isUnencryptedPemPrivateKey("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"));
  std::string truncated = test::readTestData("rsa_pkcs8.pem");
  truncated.resize(truncated.size() / 2);
  EXPECT_FALSE(isUnencryptedPemPrivateKey(truncated));
}

}  // namespace
}  // namespace ih::host::auth
