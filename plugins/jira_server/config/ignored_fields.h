// config/ignored_fields.h - `issues_ignored_fields`: Jira field ids hidden
// from the create form. Users type "a, b" or one per line (or send a list);
// it is stored as a JSON list and shown back joined with ", ".
#pragma once

#include <string>
#include <vector>

#include "common/expected.h"
#include "ihp/sdk/json.hpp"

namespace ih::jira {

// A submitted value: a string (comma- or newline-separated) or a list of
// strings. Errors: the message for the field.
Expected<std::vector<std::string>, std::string> parseIgnoredFields(const ihp::sdk::json::Value& submitted);

// What a stored config holds (a list, or an older plain string); [] if none.
std::vector<std::string> ignoredFieldsOf(const ihp::sdk::json::Value& config);

// How the API shows them: "a, b".
std::string ignoredFieldsText(const std::vector<std::string>& fields);

}  // namespace ih::jira
