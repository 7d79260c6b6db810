// setup/installation_form.h - step 1 of the install pipeline: the form
// (url, consumerKey, privateKey, verifySsl) validated with Sentry's rules and
// messages, normalised into InstallationData that the later steps, the pipeline
// state and the built integration all use.
#pragma once

#include <string>
#include <vector>

#include "client/jira_connection.h"
#include "common/expected.h"
#include "ihp/sdk/host.hpp"
#include "ihp/sdk/json.hpp"

namespace ih::jira {

struct InstallationData {
  std::string url;  // trimmed, every trailing '/' removed, context path kept
  std::string consumerKey;
  std::string privateKey;
  bool verifySsl = true;

  // The connection used during setup: consumer key and private key only; the
  // OAuth legs say which token (if any) they sign with.
  JiraConnection connection() const;

  // As kept in the pipeline state (snake_case, like Sentry's installation_data).
  void writeJson(ihp::sdk::json::JsonBuilder& out) const;
  static std::optional<InstallationData> fromJson(const ihp::sdk::json::Value& object);
};

struct FieldError {
  std::string field;  // as submitted: url, consumerKey, privateKey, verifySsl
  std::string message;
};
using FieldErrors = std::vector<FieldError>;

// Field readers shared with the personal-access-token form (setup/pat_form.h);
// each records its error (Sentry's messages) and returns nothing on failure.
// A required text field, trimmed; absent, null or blank is "required".
std::optional<std::string> requiredText(const ihp::sdk::json::Value& input, const char* field, FieldErrors& errors);
// `url`: required, a valid URL, every trailing '/' removed, context path kept.
std::optional<std::string> validateUrlField(const ihp::sdk::json::Value& input, FieldErrors& errors);
// `verifySsl`: optional boolean, true when absent.
bool validateVerifySslField(const ihp::sdk::json::Value& input, FieldErrors& errors);

// Every invalid field at once, in form order.
Expected<InstallationData, FieldErrors> validateInstallationForm(const ihp::sdk::Host& host,
                                                                 const ihp::sdk::json::Value& input);

// {"url":["Enter a valid URL."], ...}
std::string fieldErrorsJson(const FieldErrors& errors);

}  // namespace ih::jira
