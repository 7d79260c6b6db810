// scrypt password hashes: a known answer from RFC 7914, the stored format,
// salts, parameter bounds and re-hashing.
#include "auth/password_hash.h"

#include <gtest/gtest.h>

#include "auth/crypto.h"

namespace ih::host::auth {
namespace {

// Cheap parameters keep the tests fast; the format and the checks are the same.
constexpr ScryptParams kCheap{10, 8, 1};

TEST(PasswordHashTest, MatchesRfc7914TestVector) {
  // RFC 7914 section 12: P="password", S="NaCl", N=1024, r=8, p=16; the first
  // 32 bytes of the 64-byte answer (PBKDF2 output is a prefix-stable stream).
  const std::string expected(  // the length is given: the answer contains a NUL byte
      "\xfd\xba\xbe\x1c\x9d\x34\x72\x00\x78\x56\xe7\x19\x0d\x01\xe9\xfe"
      "\x7c\x6a\xd7\xcb\xc8\x23\x78\x30\xe7\x73\x76\x63\x4b\x37\x31\x62",
      32);
  const std::string encoded = "$scrypt$ln=10,r=8,p=16$" + base64UrlEncode("NaCl") + "$" + base64UrlEncode(expected);
  EXPECT_TRUE(verifyPassword("password", encoded));
  EXPECT_FALSE(verifyPassword("Password", encoded));
}

TEST(PasswordHashTest, RoundTripsAndRejectsOtherPasswords) {
  const std::string hash = hashPassword("correct horse", kCheap);
  EXPECT_EQ(hash.rfind("$scrypt$ln=10,r=8,p=1$", 0), 0u) << hash;
  EXPECT_EQ(hash.find("correct horse"), std::string::npos);
  EXPECT_TRUE(verifyPassword("correct horse", hash));
  EXPECT_FALSE(verifyPassword("correct horse ", hash));
  EXPECT_FALSE(verifyPassword("", hash));
  EXPECT_TRUE(verifyPassword("", hashPassword("", kCheap)));
}

TEST(PasswordHashTest, EverySaltIsFresh) { EXPECT_NE(hashPassword("same", kCheap), hashPassword("same", kCheap)); }

TEST(PasswordHashTest, DefaultsAreOwaspsScryptRow) {
  const ScryptParams defaults;
  EXPECT_EQ(defaults.logN, 15u);
  EXPECT_EQ(defaults.r, 8u);
  EXPECT_EQ(defaults.p, 3u);
  const std::string hash = hashPassword("pw", defaults);
  EXPECT_EQ(scryptParamsOf(hash), defaults);
  EXPECT_TRUE(verifyPassword("pw", hash));
}

TEST(PasswordHashTest, UnreadableOrOutOfBoundsHashesNeverVerify) {
  const std::string good = hashPassword("pw", kCheap);
  const std::string tail = good.substr(good.find('$', 8));
  for (const std::string& bad :
       {std::string(""), std::string("pw"), std::string("$2b$10$abc"), "$scrypt$ln=10,r=8$" + tail.substr(1),
        "$scrypt$ln=30,r=8,p=1" + tail, "$scrypt$ln=10,r=99,p=1" + tail, "$scrypt$ln=10,r=8,p=0" + tail,
        "$scrypt$r=8,ln=10,p=1" + tail, std::string("$scrypt$ln=10,r=8,p=1$$"), good + "$extra", good.substr(0, good.size() - 2)}) {
    EXPECT_FALSE(verifyPassword("pw", bad)) << bad;
    EXPECT_TRUE(needsRehash(bad, kCheap)) << bad;
  }
}

TEST(PasswordHashTest, WeakerOrOtherParametersNeedARehash) {
  const std::string cheap = hashPassword("pw", kCheap);
  EXPECT_FALSE(needsRehash(cheap, kCheap));
  EXPECT_TRUE(needsRehash(cheap, ScryptParams{}));
  EXPECT_THROW(hashPassword("pw", ScryptParams{0, 8, 1}), std::invalid_argument);
}

}  // namespace
}  // namespace ih::host::auth
