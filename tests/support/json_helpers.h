// RapidJSON conveniences for assertions: parse or throw with the text, and read values at
// a JSON pointer ("/a/0/b"), throwing with the pointer and the document when absent.
#pragma once

#include <cstdint>
#include <string>

#include <rapidjson/document.h>

namespace ih::testing {

rapidjson::Document parseJson(const std::string& text);
bool jsonHas(const rapidjson::Value& root, const std::string& pointer);
const rapidjson::Value& jsonAt(const rapidjson::Value& root, const std::string& pointer);
std::string jsonString(const rapidjson::Value& root, const std::string& pointer);
std::int64_t jsonInt(const rapidjson::Value& root, const std::string& pointer);
bool jsonBool(const rapidjson::Value& root, const std::string& pointer);
std::string toJson(const rapidjson::Value& value);

}  // namespace ih::testing
