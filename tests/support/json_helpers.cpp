#include "support/json_helpers.h"

#include <stdexcept>

#include <rapidjson/pointer.h>

#include "ihp/sdk/json.hpp"

namespace ih::testing {

// The product's reader, not a bare RapidJSON parse: every answer a test reads
// is then also checked to be JSON the host itself would accept (UTF-8, no raw
// control bytes, bounded depth).
rapidjson::Document parseJson(const std::string& text) {
  rapidjson::Document doc;
  const ihp::sdk::json::ReadResult result = ihp::sdk::json::read(text, doc);
  if (!result.ok()) throw std::runtime_error("invalid JSON (" + result.reason() + "): " + text);
  return doc;
}

std::string toJson(const rapidjson::Value& value) { return ihp::sdk::json::stringify(value); }

bool jsonHas(const rapidjson::Value& root, const std::string& pointer) {
  return rapidjson::Pointer(pointer.c_str()).Get(root) != nullptr;
}

const rapidjson::Value& jsonAt(const rapidjson::Value& root, const std::string& pointer) {
  const auto* value = rapidjson::Pointer(pointer.c_str()).Get(root);
  if (value == nullptr) throw std::runtime_error("no " + pointer + " in " + toJson(root));
  return *value;
}

std::string jsonString(const rapidjson::Value& root, const std::string& pointer) {
  const auto& value = jsonAt(root, pointer);
  if (!value.IsString()) throw std::runtime_error(pointer + " is not a string in " + toJson(root));
  return value.GetString();
}

std::int64_t jsonInt(const rapidjson::Value& root, const std::string& pointer) {
  const auto& value = jsonAt(root, pointer);
  if (!value.IsInt64()) throw std::runtime_error(pointer + " is not an integer in " + toJson(root));
  return value.GetInt64();
}

bool jsonBool(const rapidjson::Value& root, const std::string& pointer) {
  const auto& value = jsonAt(root, pointer);
  if (!value.IsBool()) throw std::runtime_error(pointer + " is not a boolean in " + toJson(root));
  return value.GetBool();
}

}  // namespace ih::testing
