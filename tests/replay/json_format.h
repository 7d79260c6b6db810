// tests/replay/json_format.h - the layout fixture files are written in: a value
// whose compact form fits on one line stays on one line, anything longer opens up
// with two-space indentation. Steps and small objects read as one line each; long
// recorded bodies are still diffable line by line.
#pragma once

#include <string>

#include <rapidjson/document.h>

namespace ih::replay {

std::string formatJson(const rapidjson::Value& value);

}  // namespace ih::replay
