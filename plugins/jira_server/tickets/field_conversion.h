// tickets/field_conversion.h - a submitted create form -> Jira's
// {"fields": ...}, converting each value by its schema in the create
// metadata: option -> {"value"}, user -> {"name"}, arrays of options / users
// / components / versions -> lists of those, string arrays (labels) split on
// commas, numbers as numbers, parent -> {"key"}, other objects (priority,
// security, ...) -> {"id"}, plain strings as they are. Only fields the
// metadata has are sent (plus summary and description); the summary is the
// title cut to 255 characters.
#pragma once

#include <string>
#include <vector>

#include "client/createmeta_api.h"
#include "common/expected.h"
#include "ihp/sdk/json.hpp"
#include "setup/installation_form.h"

namespace ih::jira {

struct CreateRequest {
  std::string projectId;
  std::string issueTypeId;
};

// The `fields` object as JSON text, or per-field errors (e.g. a bad number).
Expected<std::string, FieldErrors> convertCreateFields(const ihp::sdk::json::Value& input,
                                                       const std::vector<FieldMeta>& meta,
                                                       const CreateRequest& request);

// A submitted value as a list of strings: a list's string/number items, or a
// single value (string arrays are also split on commas by the caller).
std::vector<std::string> submittedList(const ihp::sdk::json::Value& value);

}  // namespace ih::jira
