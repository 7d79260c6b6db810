#include "setup/pat_form.h"

namespace ih::jira {

JiraConnection PatInstallData::connection() const {
  JiraConnection connection;
  connection.baseUrl = url;
  connection.verifySsl = verifySsl;
  connection.credentials.authType = AuthType::PersonalAccessToken;
  connection.credentials.personalAccessToken = token;
  return connection;
}

Expected<PatInstallData, FieldErrors> validatePatForm(const ihp::sdk::json::Value& input) {
  FieldErrors errors;
  PatInstallData data;
  if (auto url = validateUrlField(input, errors)) data.url = std::move(*url);
  if (auto token = requiredText(input, "personalAccessToken", errors)) data.token = std::move(*token);
  data.verifySsl = validateVerifySslField(input, errors);
  if (!errors.empty()) return fail(std::move(errors));
  return data;
}

}  // namespace ih::jira
