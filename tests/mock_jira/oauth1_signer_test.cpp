// The host's OAuth 1.0a signer: RFC 5849 known answers, URL normalisation, header format,
// fresh nonces, both private key formats, and a signature that verifies.
#include <memory>
#include <regex>

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include "auth/oauth1_signer.h"
#include "common/base64.h"
#include "ihp/sdk/url.hpp"
#include "support/rsa_keys.h"

namespace ih::host::auth {
namespace {

// RFC 5849 §3.4.1.1's example with its form-body parameters (c2, a3=2 q) moved into the
// query, which yields exactly the base string the RFC prints.
TEST(OAuth1Signer, BaseStringMatchesRfc5849Example) {
  auto base = oauth1BaseString("post", "http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b&c2&a3=2+q",
                               {{"oauth_consumer_key", "9djdj82h48djs9d2"},
                                {"oauth_token", "kkk9d7dh3k39sjv7"},
                                {"oauth_signature_method", "HMAC-SHA1"},
                                {"oauth_timestamp", "137131201"},
                                {"oauth_nonce", "7d8f3e4a"}});
  EXPECT_EQ(base,
            "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26"
            "c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1"
            "%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7");
}

TEST(OAuth1Signer, BaseStringUriIsNormalised) {
  auto uriOf = [](const std::string& url) {
    auto base = oauth1BaseString("GET", url, {});
    return base.substr(4, base.rfind('&') - 4);
  };
  EXPECT_EQ(uriOf("HTTP://Example.COM:80/Jira/rest"), "http%3A%2F%2Fexample.com%2FJira%2Frest");
  EXPECT_EQ(uriOf("https://example.com:443/jira"), "https%3A%2F%2Fexample.com%2Fjira");
  EXPECT_EQ(uriOf("https://example.com:8443/jira?x=1#frag"), "https%3A%2F%2Fexample.com%3A8443%2Fjira");
  EXPECT_EQ(uriOf("http://example.com"), "http%3A%2F%2Fexample.com%2F");
}

std::map<std::string, std::string> headerParams(const std::string& header) {
  std::map<std::string, std::string> params;
  std::regex pair(R"re(([a-z_]+)="([^"]*)")re");
  for (auto it = std::sregex_iterator(header.begin(), header.end(), pair); it != std::sregex_iterator(); ++it) {
    params[(*it)[1]] = (*it)[2];
  }
  return params;
}

bool verifies(const std::string& publicPem, const std::string& message, const std::string& signatureBase64) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(publicPem.data(), static_cast<int>(publicPem.size())), BIO_free);
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr), EVP_PKEY_free);
  const std::string raw = ih::host::base64Decode(signatureBase64).value_or("");
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha1(), nullptr, key.get());
  return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size(),
                          reinterpret_cast<const unsigned char*>(message.data()), message.size()) == 1;
}

TEST(OAuth1Signer, HeaderIsCompleteSortedAndVerifies) {
  auto keys = ih::testing::generateRsaKeyPair();
  const std::string url = "https://jira.example.test/jira/rest/api/2/search?jql=key%3DOPS-1";
  for (const auto* pem : {&keys.privatePkcs1Pem, &keys.privatePkcs8Pem}) {
    auto header = signOAuth1({"GET", url, "host-consumer", *pem, "tok", "ver"});
    EXPECT_TRUE(std::regex_match(header, std::regex(R"re(OAuth oauth_consumer_key="host-consumer", oauth_nonce="[0-9a-f]{32}", )re"
                                                    R"re(oauth_signature="[^"]+", oauth_signature_method="RSA-SHA1", )re"
                                                    R"re(oauth_timestamp="\d+", oauth_token="tok", oauth_verifier="ver", oauth_version="1.0")re")))
        << header;
    auto params = headerParams(header);
    auto base = oauth1BaseString("GET", url,
                                 {{"oauth_consumer_key", "host-consumer"}, {"oauth_nonce", params["oauth_nonce"]},
                                  {"oauth_signature_method", "RSA-SHA1"}, {"oauth_timestamp", params["oauth_timestamp"]},
                                  {"oauth_token", "tok"}, {"oauth_verifier", "ver"}, {"oauth_version", "1.0"}});
    EXPECT_TRUE(verifies(keys.publicPem, base, ihp::sdk::url::percentDecode(params["oauth_signature"])));
  }
}

TEST(OAuth1Signer, NoncesAreFreshAndOptionalFieldsOmitted) {
  auto keys = ih::testing::generateRsaKeyPair(1024);
  auto first = signOAuth1({"POST", "http://h/x", "k", keys.privatePkcs8Pem, "", ""});
  auto second = signOAuth1({"POST", "http://h/x", "k", keys.privatePkcs8Pem, "", ""});
  EXPECT_NE(headerParams(first)["oauth_nonce"], headerParams(second)["oauth_nonce"]);
  EXPECT_EQ(first.find("oauth_token"), std::string::npos);
  EXPECT_EQ(first.find("oauth_verifier"), std::string::npos);
}

TEST(OAuth1Signer, UnusableKeysThrowInvalidArgument) {
  EXPECT_THROW(signOAuth1({"GET", "http://h/", "k", "not a key", "", ""}), std::invalid_argument);
  EXPECT_THROW(signOAuth1({"GET", "http://h/", "k", ih::testing::generateRsaKeyPair(1024).publicPem, "", ""}),
               std::invalid_argument);
  EXPECT_THROW(signOAuth1({"GET", "no-scheme", "k", ih::testing::generateRsaKeyPair(1024).privatePkcs8Pem, "", ""}),
               std::invalid_argument);
}

}  // namespace
}  // namespace ih::host::auth
