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

namespace ih::host::auth {

namespace {

constexpr char kHexDigits[] = "0123456789abcdef";
constexpr char kBase64UrlAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

int base64UrlValue(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-') return 62;
  if (c == '_') return 63;
  return -1;
}

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

std::string randomHex(size_t bytes) { return toHex(randomBytes(bytes)); }

std::string sha256Hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    ERR_clear_error();
    throw std::runtime_error("SHA-256 failed");
  }
  return toHex(std::string_view(reinterpret_cast<const char*>(digest), length));
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

std::string toHex(std::string_view bytes) {
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (unsigned char byte : bytes) {
    hex.push_back(kHexDigits[byte >> 4]);
    hex.push_back(kHexDigits[byte & 0x0f]);
  }
  return hex;
}

bool constantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string base64UrlEncode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  auto at = [&](size_t index) { return static_cast<uint32_t>(static_cast<unsigned char>(bytes[index])); };
  for (; i + 3 <= bytes.size(); i += 3) {
    uint32_t triple = (at(i) << 16) | (at(i + 1) << 8) | at(i + 2);
    for (int shift = 18; shift >= 0; shift -= 6) out.push_back(kBase64UrlAlphabet[(triple >> shift) & 0x3f]);
  }
  size_t rest = bytes.size() - i;
  if (rest == 1) {
    uint32_t v = at(i) << 16;
    out.push_back(kBase64UrlAlphabet[(v >> 18) & 0x3f]);
    out.push_back(kBase64UrlAlphabet[(v >> 12) & 0x3f]);
  } else if (rest == 2) {
    uint32_t v = (at(i) << 16) | (at(i + 1) << 8);
    out.push_back(kBase64UrlAlphabet[(v >> 18) & 0x3f]);
    out.push_back(kBase64UrlAlphabet[(v >> 12) & 0x3f]);
    out.push_back(kBase64UrlAlphabet[(v >> 6) & 0x3f]);
  }
  return out;
}

// Strict: unpadded, URL alphabet only, and canonical (unused trailing bits
// must be zero) so that one byte string has exactly one textual form.
std::optional<std::string> base64UrlDecode(std::string_view text) {
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  out.reserve(text.size() * 3 / 4);
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    int value = base64UrlValue(c);
    if (value < 0) return std::nullopt;
    buffer = (buffer << 6) | static_cast<uint32_t>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xff));
    }
  }
  if ((buffer & ((1u << bits) - 1)) != 0) return std::nullopt;
  return out;
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
