// host/common/errors.h - the host's error vocabulary.
//
// Services throw these; the HTTP layer maps each to one status code and body
// shape of the external contract (docs: host-contract.md, "HTTP API"):
//   ValidationError -> 400 {"field": ["message", ...]}
//   BadRequestError -> 400 {"detail": "message"}
//   UnauthorizedError -> 401, ForbiddenError -> 403, NotFoundError -> 404,
//   ConflictError -> 409, PayloadTooLargeError -> 413,
//   ServiceUnavailableError -> 503 (e.g. a plugin call past its deadline).
// Anything else is a bug and becomes 500 {"detail":"Internal error"} without
// leaking the message. Messages must never contain secrets.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace ih::host {

class HostError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Field-level validation failure: {"field": ["message", ...]}.
class ValidationError : public HostError {
 public:
  using FieldErrors = std::map<std::string, std::vector<std::string>>;
  explicit ValidationError(FieldErrors errors);
  ValidationError(const std::string& field, const std::string& message);
  const FieldErrors& errors() const { return errors_; }

 private:
  FieldErrors errors_;
};

class BadRequestError : public HostError {
 public:
  using HostError::HostError;
};

class UnauthorizedError : public HostError {
 public:
  UnauthorizedError() : HostError("Authentication credentials were not provided or are invalid.") {}
};

class ForbiddenError : public HostError {
 public:
  explicit ForbiddenError(const std::string& message = "You do not have permission to perform this action.")
      : HostError(message) {}
};

class NotFoundError : public HostError {
 public:
  explicit NotFoundError(const std::string& message = "The requested resource does not exist") : HostError(message) {}
};

class ConflictError : public HostError {
 public:
  using HostError::HostError;
};

class PayloadTooLargeError : public HostError {
 public:
  PayloadTooLargeError() : HostError("Request body too large") {}
};

class ServiceUnavailableError : public HostError {
 public:
  using HostError::HostError;
};

}  // namespace ih::host
