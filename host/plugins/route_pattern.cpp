// host/plugins/route_pattern.cpp - see route_pattern.h.
#include "plugins/route_pattern.h"

#include <algorithm>
#include <cctype>

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

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::string> percentDecode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out.push_back(text[i]);
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;
    int high = hexValue(text[i + 1]), low = hexValue(text[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    out.push_back(static_cast<char>(high * 16 + low));
    i += 2;
  }
  return out;
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
      auto value = percentDecode(have[i]);
      if (!value) return std::nullopt;
      params.emplace_back(std::string(want[i].substr(1, want[i].size() - 2)), std::move(*value));
    } else if (want[i] != have[i]) {
      return std::nullopt;
    }
  }
  return params;
}

}  // namespace ih::host::plugins
