// host/domain/validation.h - the input rules shared by the domain services,
// collected into one ValidationError per call so a client sees every
// problem at once, under the contract's field names.
#pragma once

#include <string>
#include <string_view>

#include "common/errors.h"

namespace ih::host::domain {

bool isValidSlug(std::string_view slug);    // [a-z0-9][a-z0-9_-]{0,49}
bool isValidEmail(std::string_view email);  // one '@' with text on both sides

class FieldErrors {
 public:
  void add(const std::string& field, const std::string& message) { errors_[field].push_back(message); }
  void requireSlug(const std::string& field, std::string_view slug);
  void requireEmail(const std::string& field, std::string_view email);
  // Non-empty (after trimming) and at most 200 characters.
  void requireName(const std::string& field, std::string_view name);
  bool empty() const { return errors_.empty(); }
  // Throws the collected errors, if any.
  void throwIfAny() const;

 private:
  ValidationError::FieldErrors errors_;
};

}  // namespace ih::host::domain
