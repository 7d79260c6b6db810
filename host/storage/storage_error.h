// host/storage/storage_error.h - the one exception type storage code throws.
//
// Backend (Poco::Data) exceptions are translated at the storage boundary so
// callers see std::runtime_error-derived errors with one clear line, plus a
// kind for the few cases callers handle (a unique key raced, the write lock
// could not be had in time). Messages carry the database's words and never
// bound values' secrets: credentials are sealed before they reach SQL.
#pragma once

#include <stdexcept>
#include <string>

namespace ih::host::storage {

class StorageError : public std::runtime_error {
 public:
  enum class Kind { Other, UniqueViolation, Busy };
  StorageError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

}  // namespace ih::host::storage
