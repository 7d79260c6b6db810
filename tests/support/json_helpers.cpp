#include "support/json_helpers.h"

#include <stdexcept>

#include <rapidjson/error/en.h>
#include <rapidjson/pointer.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace ih::testing {

rapidjson::Document parseJson(const std::string& text) {
  rapidjson::Document doc;
  doc.Parse(text.c_str(), text.size());
  if (doc.HasParseError()) {
    throw std::runtime_error(std::string("invalid JSON (") + rapidjson::GetParseError_En(doc.GetParseError()) + "): " + text);
  }
  return doc;
}

std::string toJson(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return buffer.GetString();
}

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
