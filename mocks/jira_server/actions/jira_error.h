// A refused REST operation in Jira's error shape {"errorMessages":[...],"errors":{...}}.
// Thrown by actions and resources, rendered once by the routers.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "common/http_types.h"

namespace ih::mock {

class JiraError : public std::runtime_error {
 public:
  JiraError(int status, std::vector<std::string> messages, std::vector<std::pair<std::string, std::string>> errors = {});
  static JiraError message(int status, const std::string& text) { return JiraError(status, {text}); }
  static JiraError field(int status, const std::string& name, const std::string& text) {
    return JiraError(status, {}, {{name, text}});
  }

  int status() const { return status_; }
  std::string toJson() const;
  HttpResponse response() const { return HttpResponse::json(status_, toJson()); }

 private:
  int status_;
  std::vector<std::string> messages_;
  std::vector<std::pair<std::string, std::string>> errors_;
};

// Collects per-field problems so a create/edit reports all of them at once, as Jira does.
class FieldErrors {
 public:
  void add(const std::string& field, const std::string& message) { errors_.emplace_back(field, message); }
  bool empty() const { return errors_.empty(); }
  // Throws a 400 JiraError when anything was collected.
  void throwIfAny() const;

 private:
  std::vector<std::pair<std::string, std::string>> errors_;
};

JiraError issueDoesNotExist();

}  // namespace ih::mock
