// routing/path_pattern.cpp - see path_pattern.h.
#include "routing/path_pattern.h"

#include <algorithm>
#include <stdexcept>

#include "ihp/sdk/url.hpp"

namespace ih::routing {

namespace {

bool isAsciiAlpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool isAsciiDigit(char c) { return c >= '0' && c <= '9'; }

bool isParameter(std::string_view segment) {
  return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
}

bool validParameterName(std::string_view name) {
  if (name.empty() || !(isAsciiAlpha(name[0]) || name[0] == '_')) return false;
  return std::all_of(name.begin(), name.end(), [](char c) { return isAsciiAlpha(c) || isAsciiDigit(c) || c == '_'; });
}

// RFC 3986 pchar without '%': a literal is written as it appears on the wire.
bool validLiteralChar(char c) {
  if (isAsciiAlpha(c) || isAsciiDigit(c)) return true;
  return std::string_view("-._~!$&'()*+,;=:@").find(c) != std::string_view::npos;
}

// "a/b//c" -> {"a", "b", "", "c"}; "" -> {}.
std::vector<std::string_view> splitOnSlashes(std::string_view text) {
  std::vector<std::string_view> segments;
  if (text.empty()) return segments;
  while (true) {
    const size_t slash = text.find('/');
    segments.push_back(text.substr(0, slash));
    if (slash == std::string_view::npos) break;
    text.remove_prefix(slash + 1);
  }
  return segments;
}

// A pattern's segments: it starts with exactly one '/', may end with one
// '/', and has no empty segment.
std::optional<std::vector<std::string_view>> patternSegments(std::string_view pattern) {
  if (pattern.empty() || pattern.front() != '/') return std::nullopt;
  pattern.remove_prefix(1);
  if (pattern.empty()) return std::vector<std::string_view>{};  // "/"
  if (pattern.back() == '/') pattern.remove_suffix(1);
  std::vector<std::string_view> segments = splitOnSlashes(pattern);
  if (segments.empty() || std::find(segments.begin(), segments.end(), std::string_view()) != segments.end())
    return std::nullopt;
  return segments;
}

}  // namespace

std::vector<std::string_view> splitPath(std::string_view path) {
  while (!path.empty() && path.front() == '/') path.remove_prefix(1);
  if (!path.empty() && path.back() == '/') path.remove_suffix(1);
  return splitOnSlashes(path);
}

std::string pathPatternError(std::string_view pattern) {
  auto segments = patternSegments(pattern);
  if (!segments) return "must start with '/' and have no empty segment";
  std::vector<std::string_view> names;
  for (std::string_view segment : *segments) {
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

PathPattern::PathPattern(std::string_view pattern) : text_(pattern) {
  if (std::string error = pathPatternError(pattern); !error.empty())
    throw std::invalid_argument("route pattern " + text_ + ": " + error);
  const std::vector<std::string_view> segments = *patternSegments(pattern);
  for (std::string_view segment : segments) {
    const bool parameter = isParameter(segment);
    segments_.push_back(Segment{std::string(parameter ? segment.substr(1, segment.size() - 2) : segment), parameter});
    if (!parameter) ++literalCount_;
  }
}

bool PathPattern::sameShapeAs(const PathPattern& other) const {
  return std::equal(segments_.begin(), segments_.end(), other.segments_.begin(), other.segments_.end(),
                    [](const Segment& a, const Segment& b) {
                      return a.parameter == b.parameter && (a.parameter || a.text == b.text);
                    });
}

std::optional<PathParams> PathPattern::match(const std::vector<std::string_view>& segments) const {
  if (segments.size() != segments_.size()) return std::nullopt;
  for (size_t i = 0; i < segments.size(); ++i) {
    if (!segments_[i].parameter && segments_[i].text != segments[i]) return std::nullopt;
  }
  PathParams params;
  for (size_t i = 0; i < segments.size(); ++i) {
    if (!segments_[i].parameter) continue;
    if (segments[i].empty()) return std::nullopt;
    auto value = ihp::sdk::url::percentDecodeStrict(segments[i]);
    if (!value) return std::nullopt;
    params.emplace_back(segments_[i].text, std::move(*value));
  }
  return params;
}

std::optional<PathParams> matchPathPattern(std::string_view pattern, std::string_view path) {
  if (!pathPatternError(pattern).empty()) return std::nullopt;
  return PathPattern(pattern).match(splitPath(path));
}

}  // namespace ih::routing
