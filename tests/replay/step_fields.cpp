#include "step_fields.h"

#include <algorithm>
#include <cstring>

#include "run_context.h"

namespace ih::replay {

void requireOnlyKeys(const rapidjson::Value& step, std::initializer_list<const char*> allowed) {
  for (const auto& member : step.GetObject()) {
    const bool known = std::any_of(allowed.begin(), allowed.end(),
                                   [&](const char* key) { return std::strcmp(key, member.name.GetString()) == 0; });
    if (!known) {
      std::string names;
      for (const char* key : allowed) names += std::string(names.empty() ? "" : ", ") + key;
      throw StepFailure(std::string("unknown member \"") + member.name.GetString() + "\" (allowed here: " + names + ")");
    }
  }
}

const rapidjson::Value* optionalMember(const rapidjson::Value& object, const char* name) {
  if (!object.IsObject()) return nullptr;
  auto found = object.FindMember(name);
  return found == object.MemberEnd() ? nullptr : &found->value;
}

const rapidjson::Value& objectMember(const rapidjson::Value& object, const char* name,
                                     std::initializer_list<const char*> allowed) {
  const auto* value = optionalMember(object, name);
  if (value == nullptr || !value->IsObject()) throw StepFailure(std::string("\"") + name + "\" must be an object");
  requireOnlyKeys(*value, allowed);
  return *value;
}

std::string requiredString(const rapidjson::Value& object, const char* name) {
  const auto* value = optionalMember(object, name);
  if (value == nullptr || !value->IsString()) throw StepFailure(std::string("\"") + name + "\" must be a string");
  return value->GetString();
}

std::string optionalString(const rapidjson::Value& object, const char* name, const std::string& fallback) {
  const auto* value = optionalMember(object, name);
  if (value == nullptr) return fallback;
  if (!value->IsString()) throw StepFailure(std::string("\"") + name + "\" must be a string");
  return value->GetString();
}

int optionalInt(const rapidjson::Value& object, const char* name, int fallback) {
  const auto* value = optionalMember(object, name);
  if (value == nullptr) return fallback;
  if (!value->IsInt()) throw StepFailure(std::string("\"") + name + "\" must be an integer");
  return value->GetInt();
}

HttpTarget parseTarget(const std::string& spec) {
  const auto space = spec.find(' ');
  if (space == std::string::npos || space == 0 || space + 1 >= spec.size() || spec[space + 1] != '/') {
    throw StepFailure("expected \"METHOD /path\", got \"" + spec + "\"");
  }
  return HttpTarget{spec.substr(0, space), spec.substr(space + 1)};
}

}  // namespace ih::replay
