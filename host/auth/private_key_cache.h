// host/auth/private_key_cache.h - parsed RSA private keys for OAuth 1.0a
// signing, so a key's PEM is parsed once instead of on every signature
// (PEM_read_bio_PrivateKey was ~1.2 ms of the ~1.6 ms a signature cost, and
// an integration signs every call to Jira with the same key).
//
// Entries are keyed by the SHA-256 of the PEM: the PEM text is never kept as
// a key, and nothing here logs or counts it. Bounded: at most `capacity`
// keys, the least recently used one is dropped first. Thread-safe. A handle
// holds its own reference to the key (EVP_PKEY_up_ref), so a key dropped from
// the cache while a caller still signs with it stays alive until the handle
// goes.
#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

struct evp_pkey_st;  // OpenSSL's EVP_PKEY

namespace ih::host::auth {

struct PrivateKeyRelease {
  void operator()(evp_pkey_st* key) const;  // EVP_PKEY_free
};
using PrivateKeyHandle = std::unique_ptr<evp_pkey_st, PrivateKeyRelease>;

class PrivateKeyCache {
 public:
  explicit PrivateKeyCache(size_t capacity);
  ~PrivateKeyCache();
  PrivateKeyCache(const PrivateKeyCache&) = delete;
  PrivateKeyCache& operator=(const PrivateKeyCache&) = delete;

  // The parsed key of `pem`. Throws std::invalid_argument when it is not an
  // unencrypted RSA private key (PKCS#1 or PKCS#8); failures are not cached.
  PrivateKeyHandle get(std::string_view pem);
  size_t size() const;

  // The process-wide cache signOAuth1 uses (a few integrations' keys).
  static PrivateKeyCache& shared();

 private:
  struct Entry {
    std::string pemSha256;  // raw digest bytes
    evp_pkey_st* key;  // one reference, owned by the cache
  };
  // With mutex_ held: the entry's key with a new reference, moved to the front.
  PrivateKeyHandle takeLocked(std::list<Entry>::iterator entry);

  const size_t capacity_;
  mutable std::mutex mutex_;
  std::list<Entry> entries_;  // most recently used first; a handful, searched linearly
};

}  // namespace ih::host::auth
