#include "json_path.h"

#include <cctype>
#include <stdexcept>
#include <vector>

#include <rapidjson/pointer.h>

#include "support/json_helpers.h"

namespace ih::replay {
namespace {

// "$.a.b[0].c" -> {"a", "b", "0", "c"}
std::vector<std::string> dollarSegments(const std::string& path) {
  std::vector<std::string> segments;
  std::size_t at = 1;
  while (at < path.size()) {
    if (path[at] == '.') {
      auto end = path.find_first_of(".[", at + 1);
      segments.push_back(path.substr(at + 1, end == std::string::npos ? std::string::npos : end - at - 1));
      at = end == std::string::npos ? path.size() : end;
    } else if (path[at] == '[') {
      auto close = path.find(']', at);
      if (close == std::string::npos) throw std::invalid_argument("unclosed [ in " + path);
      segments.push_back(path.substr(at + 1, close - at - 1));
      at = close + 1;
    } else {
      throw std::invalid_argument("expected . or [ at offset " + std::to_string(at) + " of " + path);
    }
    if (segments.back().empty()) throw std::invalid_argument("empty segment in " + path);
  }
  return segments;
}

bool isIndex(const std::string& segment) {
  for (char c : segment) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return !segment.empty();
}

}  // namespace

const rapidjson::Value* findJsonPath(const rapidjson::Value& root, const std::string& path) {
  if (path.empty()) throw std::invalid_argument("empty JSON path");
  if (path[0] == '/') return rapidjson::Pointer(path.c_str()).Get(root);
  if (path[0] != '$') throw std::invalid_argument("a JSON path starts with $ or /: " + path);
  const rapidjson::Value* current = &root;
  for (const auto& segment : dollarSegments(path)) {
    if (current->IsObject()) {
      auto member = current->FindMember(segment.c_str());
      if (member == current->MemberEnd()) return nullptr;
      current = &member->value;
    } else if (current->IsArray() && isIndex(segment)) {
      const auto index = std::stoul(segment);
      if (index >= current->Size()) return nullptr;
      current = &(*current)[static_cast<rapidjson::SizeType>(index)];
    } else {
      return nullptr;
    }
  }
  return current;
}

std::string scalarText(const rapidjson::Value& value) {
  if (value.IsString()) return value.GetString();
  if (value.IsNull()) return "";
  if (value.IsObject() || value.IsArray()) throw std::invalid_argument("not a scalar: " + ih::testing::toJson(value));
  return ih::testing::toJson(value);
}

}  // namespace ih::replay
