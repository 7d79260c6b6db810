// Unit tests for host/auth/crypto.h: known-answer HMAC, constant-time
// comparison, and the PEM private-key check (base64 is tested in tests/unit/codec).
#include <gtest/gtest.h>

#include "auth/crypto.h"
#include "ihp/sdk/hex.hpp"
#include "test_data.h"

namespace ih::host::auth {
namespace {

TEST(Crypto, HmacMatchesGitHubWebhookVector) {
  auto mac = hmacSha256("It's a Secret to Everybody", "Hello, World!");
  EXPECT_EQ(ihp::sdk::hex::encode(mac), "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
}

TEST(Crypto, HmacAcceptsEmptyKeyAndData) {
  // RFC 4231-style sanity: HMAC-SHA256("", "") is a fixed value.
  EXPECT_EQ(ihp::sdk::hex::encode(hmacSha256("", "")), "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
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
