// host/auth/private_key_cache.cpp - see private_key_cache.h.
#include "auth/private_key_cache.h"

#include <algorithm>
#include <stdexcept>

#include <openssl/evp.h>
#include <openssl/pem.h>

namespace ih::host::auth {

namespace {

constexpr size_t kSharedCapacity = 32;

// The raw SHA-256 of the PEM. Computed here rather than with crypto.h so the
// signer stays buildable on OpenSSL alone (mock-jira compiles it too).
std::string pemDigest(std::string_view pem) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(pem.data(), pem.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("OAuth1: SHA-256 failed");
  }
  return std::string(reinterpret_cast<const char*>(digest), length);
}

// Parsed without the lock: parsing is the slow part this cache exists for.
PrivateKeyHandle parseRsaPrivateKey(std::string_view pem) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
  PrivateKeyHandle key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
  if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA) {
    throw std::invalid_argument("OAuth1: the private key is not an unencrypted RSA PEM key");
  }
  return key;
}

}  // namespace

void PrivateKeyRelease::operator()(evp_pkey_st* key) const { EVP_PKEY_free(key); }

PrivateKeyCache::PrivateKeyCache(size_t capacity) : capacity_(std::max<size_t>(capacity, 1)) {}

PrivateKeyCache::~PrivateKeyCache() {
  for (auto& entry : entries_) EVP_PKEY_free(entry.key);
}

PrivateKeyHandle PrivateKeyCache::takeLocked(std::list<Entry>::iterator entry) {
  entries_.splice(entries_.begin(), entries_, entry);
  if (EVP_PKEY_up_ref(entry->key) != 1) throw std::runtime_error("OAuth1: EVP_PKEY_up_ref failed");
  return PrivateKeyHandle(entry->key);
}

PrivateKeyHandle PrivateKeyCache::get(std::string_view pem) {
  const std::string digest = pemDigest(pem);
  const auto matches = [&](const Entry& entry) { return entry.pemSha256 == digest; };
  {
    std::lock_guard lock(mutex_);
    if (auto hit = std::find_if(entries_.begin(), entries_.end(), matches); hit != entries_.end()) {
      return takeLocked(hit);
    }
  }
  PrivateKeyHandle parsed = parseRsaPrivateKey(pem);
  std::lock_guard lock(mutex_);
  // Another thread may have parsed the same key meanwhile: keep one entry.
  if (auto hit = std::find_if(entries_.begin(), entries_.end(), matches); hit != entries_.end()) {
    return takeLocked(hit);
  }
  entries_.push_front(Entry{digest, parsed.release()});
  while (entries_.size() > capacity_) {
    EVP_PKEY_free(entries_.back().key);  // handles given out keep their own references
    entries_.pop_back();
  }
  return takeLocked(entries_.begin());
}

size_t PrivateKeyCache::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

PrivateKeyCache& PrivateKeyCache::shared() {
  static PrivateKeyCache cache(kSharedCapacity);
  return cache;
}

}  // namespace ih::host::auth
