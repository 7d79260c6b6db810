// host/auth/secret_box.cpp - AES-256-GCM sealing with OpenSSL EVP, and the
// key file's safe creation.
#include "auth/secret_box.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>
#include <memory>
#include <stdexcept>

#include "auth/crypto.h"
#include "common/base64.h"
#include "ihp/sdk/hex.hpp"

namespace ih::host::auth {

namespace {

constexpr size_t kKeySize = 32;
constexpr size_t kNonceSize = 12;
constexpr size_t kTagSize = 16;
constexpr std::string_view kSealedPrefix = "v1:";

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

CipherContext newContext() {
  CipherContext context(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
  if (!context) throw std::runtime_error("secret box: cannot allocate a cipher context");
  return context;
}

const unsigned char* bytes(std::string_view text) { return reinterpret_cast<const unsigned char*>(text.data()); }
unsigned char* bytes(std::string& text) { return reinterpret_cast<unsigned char*>(text.data()); }

[[noreturn]] void failOpen() {
  // One message for every failure: callers and logs learn nothing about why.
  throw std::runtime_error("secret box: cannot open sealed data (tampered, or sealed with another key)");
}

std::string readKeyFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("secret key file " + path + " cannot be read");
  std::string key((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (key.size() != kKeySize) {
    throw std::runtime_error("secret key file " + path + " has " + std::to_string(key.size()) +
                             " bytes; expected exactly " + std::to_string(kKeySize) +
                             " (restore the original file, or remove it and reinstall integrations)");
  }
  return key;
}

// Writes a fresh key to a temporary file (0600) and links it into place, so
// the key file appears complete or not at all, and a concurrent creator's
// key wins without being overwritten.
void createKeyFile(const std::string& path) {
  const std::string temporary = path + ".tmp." + std::to_string(::getpid());
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) throw std::runtime_error("cannot create secret key file " + path + ": " + std::strerror(errno));
  const std::string key = randomBytes(kKeySize);
  const bool written = ::write(fd, key.data(), key.size()) == static_cast<ssize_t>(key.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!written) {
    ::unlink(temporary.c_str());
    throw std::runtime_error("cannot write secret key file " + path);
  }
  const int linked = ::link(temporary.c_str(), path.c_str());
  const int linkError = errno;
  ::unlink(temporary.c_str());
  if (linked != 0 && linkError != EEXIST) {
    throw std::runtime_error("cannot create secret key file " + path + ": " + std::strerror(linkError));
  }
}

}  // namespace

SecretBox SecretBox::fromKeyFile(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    if (errno != ENOENT) throw std::runtime_error("cannot read secret key file " + path + ": " + std::strerror(errno));
    createKeyFile(path);
  }
  return SecretBox(readKeyFile(path));
}

SecretBox SecretBox::fromKey(std::string key32) {
  if (key32.size() != kKeySize) throw std::invalid_argument("secret box key must be 32 bytes");
  return SecretBox(std::move(key32));
}

std::string SecretBox::keyCheckValue() const {
  // Versioned label: a future key format gets a value of its own.
  const auto mac = hmacSha256(key_, "integration-host secret-key check v1");
  return "v1:" + ihp::sdk::hex::encode(mac.data(), mac.size() / 2);
}

std::string_view SecretBox::sealedPrefix() { return kSealedPrefix; }

std::string SecretBox::seal(std::string_view plaintext) const {
  const std::string nonce = randomBytes(kNonceSize);
  std::string ciphertext(plaintext.size(), '\0');
  std::string tag(kTagSize, '\0');
  auto context = newContext();
  int length = 0;
  const bool ok =
      EVP_EncryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
      EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(kNonceSize), nullptr) == 1 &&
      EVP_EncryptInit_ex(context.get(), nullptr, nullptr, bytes(key_), bytes(nonce)) == 1 &&
      EVP_EncryptUpdate(context.get(), bytes(ciphertext), &length, bytes(plaintext),
                        static_cast<int>(plaintext.size())) == 1 &&
      EVP_EncryptFinal_ex(context.get(), bytes(ciphertext) + length, &length) == 1 &&
      EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(kTagSize), tag.data()) == 1;
  if (!ok) throw std::runtime_error("secret box: encryption failed");
  return std::string(kSealedPrefix) + base64Encode(nonce + ciphertext + tag);
}

std::string SecretBox::open(std::string_view sealed) const {
  if (!isSealed(sealed)) failOpen();
  const std::optional<std::string> decoded = base64Decode(sealed.substr(kSealedPrefix.size()));
  if (!decoded || decoded->size() < kNonceSize + kTagSize) failOpen();
  const std::string& raw = *decoded;
  const std::string_view view(raw);
  const std::string_view nonce = view.substr(0, kNonceSize);
  const std::string_view ciphertext = view.substr(kNonceSize, raw.size() - kNonceSize - kTagSize);
  std::string tag(view.substr(raw.size() - kTagSize));
  std::string plaintext(ciphertext.size(), '\0');
  auto context = newContext();
  int length = 0;
  const bool ok =
      EVP_DecryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
      EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(kNonceSize), nullptr) == 1 &&
      EVP_DecryptInit_ex(context.get(), nullptr, nullptr, bytes(key_), bytes(nonce)) == 1 &&
      EVP_DecryptUpdate(context.get(), bytes(plaintext), &length, bytes(ciphertext),
                        static_cast<int>(ciphertext.size())) == 1 &&
      EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(kTagSize), tag.data()) == 1 &&
      EVP_DecryptFinal_ex(context.get(), bytes(plaintext) + length, &length) == 1;
  if (!ok) failOpen();
  return plaintext;
}

}  // namespace ih::host::auth
