#include "support/rsa_keys.h"

#include <memory>
#include <stdexcept>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

namespace ih::testing {
namespace {

template <typename Write>
std::string pem(Write write) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
  if (!write(bio.get())) throw std::runtime_error("PEM encoding failed");
  char* data = nullptr;
  long length = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(length));
}

}  // namespace

RsaKeyPair generateRsaKeyPair(int bits) {
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_RSA_gen(static_cast<unsigned int>(bits)), EVP_PKEY_free);
  if (!key) throw std::runtime_error("RSA key generation failed");
  RsaKeyPair pair;
  pair.privatePkcs8Pem = pem([&](BIO* b) { return PEM_write_bio_PrivateKey(b, key.get(), nullptr, nullptr, 0, nullptr, nullptr) == 1; });
  pair.privatePkcs1Pem = pem([&](BIO* b) {
    return PEM_write_bio_PrivateKey_traditional(b, key.get(), nullptr, nullptr, 0, nullptr, nullptr) == 1;
  });
  pair.publicPem = pem([&](BIO* b) { return PEM_write_bio_PUBKEY(b, key.get()) == 1; });
  return pair;
}

}  // namespace ih::testing
