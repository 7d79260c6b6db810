#include "common/errors.h"

#include <utility>

namespace ih::host {

namespace {
std::string summarise(const ValidationError::FieldErrors& errors) {
  std::string text = "validation failed:";
  for (const auto& [field, messages] : errors) {
    for (const auto& message : messages) text += " " + field + ": " + message + ";";
  }
  return text;
}
}  // namespace

ValidationError::ValidationError(FieldErrors errors) : HostError(summarise(errors)), errors_(std::move(errors)) {}

ValidationError::ValidationError(const std::string& field, const std::string& message)
    : ValidationError(FieldErrors{{field, {message}}}) {}

}  // namespace ih::host
