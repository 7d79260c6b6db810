#include "oauth/rsa_sha1.h"

#include <memory>
#include <optional>
#include <stdexcept>

#include <openssl/evp.h>
#include <openssl/pem.h>

#include "common/base64.h"  // the host's (host/common)

namespace ih::mock {
namespace {

std::string armoured(const std::string& pem) {
  if (pem.find("-----BEGIN") != std::string::npos) return pem;
  return "-----BEGIN PUBLIC KEY-----\n" + pem + "\n-----END PUBLIC KEY-----\n";
}

std::optional<std::string> decodeSignature(std::string_view text) {
  std::string compact;
  for (char c : text) {
    if (c != '\n' && c != '\r' && c != ' ') compact.push_back(c);
  }
  return ih::host::base64Decode(compact);
}

}  // namespace

RsaVerdict verifyRsaSha1(const std::string& publicKeyPem, std::string_view message,
                         std::string_view signatureBase64) {
  auto pem = armoured(publicKeyPem);
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr),
                                                          EVP_PKEY_free);
  if (!key) return RsaVerdict::kBadKey;
  auto signature = decodeSignature(signatureBase64);
  if (!signature) return RsaVerdict::kInvalid;
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha1(), nullptr, key.get()) != 1) return RsaVerdict::kBadKey;
  int result = EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature->data()), signature->size(),
                                reinterpret_cast<const unsigned char*>(message.data()), message.size());
  return result == 1 ? RsaVerdict::kValid : RsaVerdict::kInvalid;
}

}  // namespace ih::mock
