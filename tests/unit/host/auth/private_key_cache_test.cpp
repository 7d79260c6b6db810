// The parsed-key cache behind OAuth 1.0a signing: one entry per key (found by
// the PEM's hash), signatures made with a cached key verify like those of a
// freshly parsed one, distinct keys never share an entry, the cache stays
// within its bound, and a handle outlives its key's eviction.
#include "auth/private_key_cache.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support/rsa_keys.h"

namespace ih::host::auth {
namespace {

using ih::testing::generateRsaKeyPair;
using ih::testing::RsaKeyPair;

constexpr int kTestKeyBits = 1024;  // small keys: only the cache is under test
const std::string kMessage = "POST&https%3A%2F%2Fjira.example.test%2Frest%2Fapi%2F2%2Fissue&oauth_nonce%3Dabc";

std::string signSha1(EVP_PKEY* key, const std::string& message) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  size_t length = 0;
  const auto* data = reinterpret_cast<const unsigned char*>(message.data());
  if (EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha1(), nullptr, key) != 1 ||
      EVP_DigestSign(ctx.get(), nullptr, &length, data, message.size()) != 1) {
    return {};
  }
  std::string signature(length, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length, data, message.size()) != 1) {
    return {};
  }
  signature.resize(length);
  return signature;
}

bool verifiesWith(const std::string& publicPem, const std::string& message, const std::string& signature) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(publicPem.data(), static_cast<int>(publicPem.size())),
                                                BIO_free);
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr),
                                                          EVP_PKEY_free);
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!key || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha1(), nullptr, key.get()) != 1) return false;
  return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                          reinterpret_cast<const unsigned char*>(message.data()), message.size()) == 1;
}

class PrivateKeyCacheTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    for (int i = 0; i < 3; ++i) keys_.push_back(generateRsaKeyPair(kTestKeyBits));
  }
  static std::vector<RsaKeyPair> keys_;
};
std::vector<RsaKeyPair> PrivateKeyCacheTest::keys_;

TEST_F(PrivateKeyCacheTest, TheSameKeyIsParsedOnceAndSignsAsValidlyEveryTime) {
  PrivateKeyCache cache(4);
  const auto first = cache.get(keys_[0].privatePkcs8Pem);
  const auto second = cache.get(keys_[0].privatePkcs8Pem);
  EXPECT_EQ(first.get(), second.get());  // one parsed key, shared
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_TRUE(verifiesWith(keys_[0].publicPem, kMessage, signSha1(first.get(), kMessage)));
  EXPECT_TRUE(verifiesWith(keys_[0].publicPem, kMessage, signSha1(second.get(), kMessage)));
}

TEST_F(PrivateKeyCacheTest, DistinctKeysGetDistinctEntries) {
  PrivateKeyCache cache(4);
  const auto a = cache.get(keys_[0].privatePkcs8Pem);
  const auto b = cache.get(keys_[1].privatePkcs8Pem);
  const auto aAsPkcs1 = cache.get(keys_[0].privatePkcs1Pem);  // another PEM text: its own entry
  EXPECT_NE(a.get(), b.get());
  EXPECT_NE(a.get(), aAsPkcs1.get());
  EXPECT_EQ(cache.size(), 3u);
  const std::string signedByB = signSha1(b.get(), kMessage);
  EXPECT_TRUE(verifiesWith(keys_[1].publicPem, kMessage, signedByB));
  EXPECT_FALSE(verifiesWith(keys_[0].publicPem, kMessage, signedByB));
  EXPECT_TRUE(verifiesWith(keys_[0].publicPem, kMessage, signSha1(aAsPkcs1.get(), kMessage)));
}

TEST_F(PrivateKeyCacheTest, StaysWithinItsBoundDroppingTheLeastRecentlyUsedKey) {
  PrivateKeyCache cache(2);
  const auto a = cache.get(keys_[0].privatePkcs8Pem);
  auto b = cache.get(keys_[1].privatePkcs8Pem);
  EXPECT_EQ(cache.get(keys_[0].privatePkcs8Pem).get(), a.get());  // a is now the most recent
  cache.get(keys_[2].privatePkcs8Pem);                             // b goes
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_EQ(cache.get(keys_[0].privatePkcs8Pem).get(), a.get());
  // The evicted key still works through the handle that holds it...
  EXPECT_TRUE(verifiesWith(keys_[1].publicPem, kMessage, signSha1(b.get(), kMessage)));
  // ...and asking again parses it anew (the old object is still alive, so
  // the new one cannot share its address).
  const auto bAgain = cache.get(keys_[1].privatePkcs8Pem);
  EXPECT_NE(bAgain.get(), b.get());
  EXPECT_EQ(cache.size(), 2u);
  b.reset();
  EXPECT_TRUE(verifiesWith(keys_[1].publicPem, kMessage, signSha1(bAgain.get(), kMessage)));
}

TEST_F(PrivateKeyCacheTest, UnusableKeysThrowAndAreNotCached) {
  PrivateKeyCache cache(2);
  EXPECT_THROW(cache.get("not a key"), std::invalid_argument);
  EXPECT_THROW(cache.get(keys_[0].publicPem), std::invalid_argument);
  EXPECT_EQ(cache.size(), 0u);
}

TEST_F(PrivateKeyCacheTest, ConcurrentLookupsShareOneEntry) {
  PrivateKeyCache cache(2);
  std::vector<std::thread> threads;
  std::vector<char> valid(8, 0);  // one byte per thread (vector<bool> would share words)
  for (size_t i = 0; i < valid.size(); ++i) {
    threads.emplace_back([&, i] {
      const auto key = cache.get(keys_[0].privatePkcs8Pem);
      valid[i] = verifiesWith(keys_[0].publicPem, kMessage, signSha1(key.get(), kMessage));
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(cache.size(), 1u);
  for (size_t i = 0; i < valid.size(); ++i) EXPECT_TRUE(valid[i]) << "thread " << i;
}

}  // namespace
}  // namespace ih::host::auth
