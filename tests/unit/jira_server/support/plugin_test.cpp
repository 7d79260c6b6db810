#include "support/plugin_test.h"

namespace ih::jira::testing {

const ihp::sdk::json::Value* jsonAt(const ihp::sdk::json::Value& root, const std::string& path) {
  const ihp::sdk::json::Value* current = &root;
  size_t start = 0;
  while (current != nullptr && start <= path.size()) {
    size_t slash = path.find('/', start);
    std::string part = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    current = ihp::sdk::json::member(*current, part);
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return current;
}

std::string jsonString(const ihp::sdk::json::Value& root, const std::string& path) {
  const auto* value = jsonAt(root, path);
  if (value == nullptr || !value->IsString()) return "<missing>";
  return std::string(value->GetString(), value->GetStringLength());
}

bool jsonHas(const ihp::sdk::json::Value& root, const std::string& path) { return jsonAt(root, path) != nullptr; }

}  // namespace ih::jira::testing
