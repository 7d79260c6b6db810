// host/domain/validation.cpp - see validation.h.
#include "domain/validation.h"

#include "common/strings.h"
#include "ihp/sdk/utf8.hpp"

namespace ih::host::domain {

namespace {
constexpr size_t kMaxSlug = 50;
constexpr size_t kMaxName = 200;
}  // namespace

bool isValidSlug(std::string_view slug) {
  if (slug.empty() || slug.size() > kMaxSlug) return false;
  for (size_t i = 0; i < slug.size(); ++i) {
    const char c = slug[i];
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum && !(i > 0 && (c == '-' || c == '_'))) return false;
  }
  return true;
}

bool isValidEmail(std::string_view email) {
  const size_t at = email.find('@');
  return at != std::string_view::npos && at > 0 && at + 1 < email.size() &&
         email.find('@', at + 1) == std::string_view::npos;
}

void FieldErrors::requireSlug(const std::string& field, std::string_view slug) {
  if (slug.empty()) {
    add(field, "This field is required.");
  } else if (!isValidSlug(slug)) {
    add(field,
        "Enter a valid slug: lowercase letters, numbers, underscores or hyphens, starting with a letter or number, "
        "at most 50 characters.");
  }
}

void FieldErrors::requireEmail(const std::string& field, std::string_view email) {
  if (email.empty()) {
    add(field, "This field is required.");
  } else if (!isValidEmail(email)) {
    add(field, "Enter a valid email address.");
  }
}

void FieldErrors::requireName(const std::string& field, std::string_view name) {
  if (trim(name).empty()) {
    add(field, "This field is required.");
  } else if (ihp::sdk::utf8::codePoints(name) > kMaxName) {  // characters, as the message says
    add(field, "Ensure this field has no more than 200 characters.");
  }
}

void FieldErrors::throwIfAny() const {
  if (!errors_.empty()) throw ValidationError(errors_);
}

}  // namespace ih::host::domain
