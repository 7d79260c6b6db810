// host/auth/crypto.cpp - OpenSSL-backed implementation of auth/crypto.h.
#include "auth/crypto.h"

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/rand.h>

#include <limits>
#include <memory>
#include <stdexcept>

#include "ihp/sdk/hex.hpp"

namespace ih::host::auth {

namespace {

// Refuses every passphrase prompt, so an encrypted key fails to load instead
// of OpenSSL asking on the terminal.
int refusePassphrase(char*, int, int, void*) { return -1; }

}  // namespace

std::string randomBytes(size_t count) {
  std::string bytes(count, '\0');
  if (count == 0) return bytes;
  if (count > static_cast<size_t>(std::numeric_limits<int>::max()) ||
      RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(count)) != 1) {
    ERR_clear_error();
    throw std::runtime_error("the system random generator failed");
  }
  return bytes;
}

std::string randomHex(size_t bytes) { return ihp::sdk::hex::encode(randomBytes(bytes)); }

std::string sha256Hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    ERR_clear_error();
    throw std::runtime_error("SHA-256 failed");
  }
  return ihp::sdk::hex::encode(digest, length);
}

std::array<uint8_t, 32> hmacSha256(std::string_view key, std::string_view data) {
  std::array<uint8_t, 32> out{};
  unsigned int length = 0;
  // OpenSSL wants a non-NULL key pointer even for an empty key.
  static const char kEmpty = '\0';
  const void* keyPtr = key.empty() ? &kEmpty : key.data();
  if (key.size() > static_cast<size_t>(std::numeric_limits<int>::max()) ||
      HMAC(EVP_sha256(), keyPtr, static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
           data.size(), out.data(), &length) == nullptr ||
      length != out.size()) {
    ERR_clear_error();
    throw std::runtime_error("HMAC-SHA256 failed");
  }
  return out;
}

bool constantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

bool isUnencryptedPemPrivateKey(std::string_view pem) {
  if (pem.empty() || pem.size() > static_cast<size_t>(std::numeric_limits<int>::max())) return false;
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), &BIO_free);
  if (!bio) {
    ERR_clear_error();
    return false;
  }
  EVP_PKEY* key = PEM_read_bio_PrivateKey(bio.get(), nullptr, &refusePassphrase, nullptr);
  // The per-thread error queue must be empty afterwards, or a later TLS call
  // on this thread would report our parse failure as its own.
  ERR_clear_error();
  if (key == nullptr) return false;
  EVP_PKEY_free(key);
  return true;
}

}  // namespace ih::host::auth
