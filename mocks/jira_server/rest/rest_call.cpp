#include "rest/rest_call.h"

#include <cstdlib>

#include "actions/jira_error.h"
#include "common/json.h"

namespace ih::mock {

rapidjson::Document RestCall::jsonBody() const {
  try {
    return parseJson(request.body.empty() ? std::string_view("{}") : std::string_view(request.body));
  } catch (const JsonParseError& e) {
    throw JiraError::message(400, std::string("Unexpected character in request body: ") + e.what());
  }
}

int RestCall::intQuery(const std::string& name, int fallback) const {
  auto text = request.queryParam(name);
  if (!text || text->empty()) return fallback;
  char* end = nullptr;
  long value = std::strtol(text->c_str(), &end, 10);
  if (*end != '\0') throw JiraError::message(400, "Parameter '" + name + "' must be a number: " + *text);
  return static_cast<int>(value);
}

}  // namespace ih::mock
