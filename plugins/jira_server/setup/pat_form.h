// setup/pat_form.h - the personal-access-token install form (Jira DC 8.14+,
// beyond Sentry): {"authType":"pat","url","personalAccessToken","verifySsl"?},
// validated with the OAuth form's rules for the shared fields.
#pragma once

#include <string>

#include "client/jira_connection.h"
#include "common/expected.h"
#include "ihp/sdk/json.hpp"
#include "setup/installation_form.h"

namespace ih::jira {

struct PatInstallData {
  std::string url;  // as InstallationData::url
  std::string token;
  bool verifySsl = true;

  // Bearer-token connection to the Jira being installed (nothing cached yet).
  JiraConnection connection() const;
};

Expected<PatInstallData, FieldErrors> validatePatForm(const ihp::sdk::json::Value& input);

}  // namespace ih::jira
