#include "actions/jira_error.h"

#include "common/json.h"

namespace ih::mock {

JiraError::JiraError(int status, std::vector<std::string> messages, std::vector<std::pair<std::string, std::string>> errors)
    : std::runtime_error(messages.empty() ? (errors.empty() ? "error" : errors.front().second) : messages.front()),
      status_(status),
      messages_(std::move(messages)),
      errors_(std::move(errors)) {}

std::string JiraError::toJson() const {
  json::JsonBuilder out;
  out.beginObject().key("errorMessages").beginArray();
  for (const auto& m : messages_) out.value(m);
  out.endArray().key("errors").beginObject();
  for (const auto& [field, text] : errors_) out.field(field, text);
  out.endObject().endObject();
  return out.str();
}

void FieldErrors::throwIfAny() const {
  if (!errors_.empty()) throw JiraError(400, {}, errors_);
}

JiraError issueDoesNotExist() { return JiraError::message(404, "Issue Does Not Exist"); }

}  // namespace ih::mock
