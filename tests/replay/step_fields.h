// tests/replay/step_fields.h - reading a step's members strictly, so a typo in a
// scenario ("expext") is an error that names the step instead of a silently
// skipped check.
#pragma once

#include <initializer_list>
#include <string>

#include <rapidjson/document.h>

namespace ih::replay {

struct HttpTarget {
  std::string method;
  std::string path;
};

// Throws StepFailure when the step has a member outside `allowed`.
void requireOnlyKeys(const rapidjson::Value& step, std::initializer_list<const char*> allowed);
const rapidjson::Value* optionalMember(const rapidjson::Value& object, const char* name);
// The object under `name` (e.g. a macro's spec); throws StepFailure when it is absent, not an
// object, or has a member outside `allowed`.
const rapidjson::Value& objectMember(const rapidjson::Value& object, const char* name,
                                     std::initializer_list<const char*> allowed);
// Throws StepFailure when absent or not a string.
std::string requiredString(const rapidjson::Value& object, const char* name);
std::string optionalString(const rapidjson::Value& object, const char* name, const std::string& fallback);
int optionalInt(const rapidjson::Value& object, const char* name, int fallback);
// "POST /api/0/organizations/" -> {"POST", "/api/0/organizations/"}; throws StepFailure.
HttpTarget parseTarget(const std::string& spec);

}  // namespace ih::replay
