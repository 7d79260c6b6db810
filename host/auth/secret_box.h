// host/auth/secret_box.h - encryption at rest for stored secrets
// (integration credentials and metadata - webhook secrets live there -, pipeline
// state holding a private key).
//
// AES-256-GCM with a random 96-bit nonce per message; the output is
// "v1:" + base64(nonce | ciphertext | tag). The 32-byte key lives in
// --secret-key-file, by default <data-dir>/secret-key (mode 0600, created on
// first start); every host on one database must use the same one. Losing the key
// makes stored credentials unreadable: integrations must then be reinstalled.
// Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "storage/row_sealer.h"

namespace ih::host::auth {

class SecretBox : public storage::RowSealer {
 public:
  // Loads the key file, creating it (0600) with fresh random bytes if missing.
  static SecretBox fromKeyFile(const std::string& path);
  // For tests: a fixed 32-byte key.
  static SecretBox fromKey(std::string key32);

  // A fingerprint of the key that reveals nothing about it (an HMAC of a
  // fixed label), kept in the database so hosts sharing it can tell at
  // start-up whether they hold the same key.
  std::string keyCheckValue() const;

  // What every sealed text starts with; nothing a JSON document can start with.
  static std::string_view sealedPrefix();
  static bool isSealed(std::string_view text) { return text.substr(0, sealedPrefix().size()) == sealedPrefix(); }

  std::string seal(std::string_view plaintext) const override;
  // Throws std::runtime_error when the text was tampered with or the key differs.
  std::string open(std::string_view sealed) const override;

 private:
  explicit SecretBox(std::string key) : key_(std::move(key)) {}
  std::string key_;
};

}  // namespace ih::host::auth
