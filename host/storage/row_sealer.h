// host/storage/row_sealer.h - what a repository needs to keep columns sealed
// at rest without knowing the cipher: a copy of the database must not reveal
// them. auth::SecretBox implements it (AES-256-GCM under the host's key).
#pragma once

#include <string>
#include <string_view>

namespace ih::host::storage {

class RowSealer {
 public:
  virtual ~RowSealer() = default;
  virtual std::string seal(std::string_view plaintext) const = 0;
  // Throws std::runtime_error when the text was tampered with or the key differs.
  virtual std::string open(std::string_view sealed) const = 0;
};

}  // namespace ih::host::storage
