// host/plugins/route_pattern.cpp - see route_pattern.h.
#include "plugins/route_pattern.h"

#include <algorithm>
#include <cctype>

#include "ihp/sdk/url.hpp"

namespace ih::host::plugins {

namespace {

// Splits "/a/b/" into {"a","b"}; a trailing '/' adds nothing. Returns false
// for a path that does not start with '/' or has an empty inner segment.
bool splitSegments(std::string_view path, std::vector<std::string_view>& out) {
  if (path.empty() || path.front() != '/') return false;
  path.remove_prefix(1);
  while (!path.empty()) {
    size_t slash = path.find('/');
    std::string_view segment = path.substr(0, slash);
    if (segment.empty()) return false;
    out.push_back(segment);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return true;
}

bool isParameter(std::string_view segment) {
  return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
}

bool validParameterName(std::string_view name) {
  if (name.empty() || !(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_')) return false;
  return std::all_of(name.begin(), name.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

bool validLiteralChar(char c) {
  if (std::isalnum(static_cast<unsigned char>(c))) return true;
  return std::string_view("-._~!$&'()*+,;=:@").find(c) != std::string_view::npos;
}


}  // namespace

std::string routePatternError(std::string_view pattern) {
  std::vector<std::string_view> segments;
  if (!splitSegments(pattern, segments)) return "must start with '/' and have no empty segment";
  std::vector<std::string_view> names;
  for (std::string_view segment : segments) {
    if (isParameter(segment)) {
      std::string_view name = segment.substr(1, segment.size() - 2);
      if (!validParameterName(name)) return "bad parameter name in segment '" + std::string(segment) + "'";
      if (std::find(names.begin(), names.end(), name) != names.end())
        return "duplicate parameter {" + std::string(name) + "}";
      names.push_back(name);
      continue;
    }
    if (segment == "." || segment == "..") return "dot segments are not allowed";
    if (!std::all_of(segment.begin(), segment.end(), validLiteralChar))
      return "invalid character in segment '" + std::string(segment) + "'";
  }
  return {};
}

std::optional<PathParams> matchRoutePattern(std::string_view pattern, std::string_view path) {
  std::vector<std::string_view> want, have;
  if (!splitSegments(pattern, want) || !splitSegments(path, have) || want.size() != have.size()) return std::nullopt;
  PathParams params;
  for (size_t i = 0; i < want.size(); ++i) {
    if (isParameter(want[i])) {
      auto value = ihp::sdk::url::percentDecodeStrict(have[i]);
      if (!value) return std::nullopt;
      params.emplace_back(std::string(want[i].substr(1, want[i].size() - 2)), std::move(*value));
    } else if (want[i] != have[i]) {
      return std::nullopt;
    }
  }
  return params;
}

}  // namespace ih::host::plugins
