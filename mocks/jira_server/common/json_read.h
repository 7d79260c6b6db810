// Reading JSON request bodies, seeds and cassettes with RapidJSON: parse with a clear
// error, typed member access that tolerates absent members, and compact re-serialisation.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>

namespace ih::mock {

struct JsonParseError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Throws JsonParseError naming the offset and RapidJSON's reason.
rapidjson::Document parseJson(std::string_view text);
// True when text is one complete JSON value (used to pick body matching rules).
bool looksLikeJson(std::string_view text);
std::string toJsonText(const rapidjson::Value& value);

const rapidjson::Value* member(const rapidjson::Value& object, const char* name);
std::optional<std::string> stringMember(const rapidjson::Value& object, const char* name);
std::optional<bool> boolMember(const rapidjson::Value& object, const char* name);
std::optional<long long> intMember(const rapidjson::Value& object, const char* name);
// Strings of a string array member; absent or non-array gives an empty list.
std::vector<std::string> stringArrayMember(const rapidjson::Value& object, const char* name);
// A scalar rendered as Jira would accept it in a string slot ("10000" or 10000).
std::optional<std::string> scalarAsString(const rapidjson::Value& value);

}  // namespace ih::mock
