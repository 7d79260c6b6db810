// tests/replay/json_path.h - finds a value inside a JSON document by the paths the
// scenario format uses: "$" (the root), "$.a.b[0].c" or "$.a.b.0.c", or a JSON
// pointer "/a/b/0/c".
#pragma once

#include <string>

#include <rapidjson/document.h>

namespace ih::replay {

// nullptr when the path leads nowhere; throws std::invalid_argument for a malformed path.
const rapidjson::Value* findJsonPath(const rapidjson::Value& root, const std::string& path);

// A scalar as text: strings as they are, numbers and booleans as JSON, null as "".
// Throws std::invalid_argument for objects and arrays.
std::string scalarText(const rapidjson::Value& value);

}  // namespace ih::replay
