// config/settings_patch.h - validation and normalisation of what a user
// submits as integration settings (PUT .../integrations/{id}/ {"config"}).
// Only the contract's keys are accepted, each with its type; the result is
// the patch as it is stored (ignored fields as a list, the status mapping
// trimmed). Every invalid key is reported at once, the key as the field.
#pragma once

#include <string>

#include "common/expected.h"
#include "ihp/sdk/json.hpp"
#include "setup/installation_form.h"

namespace ih::jira {

// The normalised patch as a JSON object text, or the field errors.
Expected<std::string, FieldErrors> normaliseSettingsPatch(const ihp::sdk::json::Value& patch);

}  // namespace ih::jira
