#include "common/path_filter.h"

namespace ih::mock {
namespace {

bool matchesOne(std::string_view pattern, std::string_view path) {
  if (!pattern.empty() && pattern.back() == '*') {
    return path.substr(0, pattern.size() - 1) == pattern.substr(0, pattern.size() - 1);
  }
  return pattern == path;
}

}  // namespace

bool pathMatches(std::string_view pattern, std::string_view fullPath, std::string_view contextPath) {
  if (pattern.empty() || pattern == "*") return true;
  if (matchesOne(pattern, fullPath)) return true;
  if (!contextPath.empty() && fullPath.substr(0, contextPath.size()) == contextPath) {
    return matchesOne(pattern, fullPath.substr(contextPath.size()));
  }
  return false;
}

}  // namespace ih::mock
