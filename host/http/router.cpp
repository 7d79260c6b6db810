#include "http/router.h"

#include <algorithm>
#include <stdexcept>

namespace ih::host::http {

namespace {

bool isParameter(std::string_view segment) {
  return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

std::vector<std::string_view> Router::split(std::string_view path) {
  // Leading and trailing slashes carry no segment: "/a/b/" == "/a/b".
  while (!path.empty() && path.front() == '/') path.remove_prefix(1);
  if (!path.empty() && path.back() == '/') path.remove_suffix(1);
  std::vector<std::string_view> segments;
  if (path.empty()) return segments;
  size_t start = 0;
  while (true) {
    size_t slash = path.find('/', start);
    segments.push_back(path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return segments;
}

void Router::add(std::string method, std::string pattern, Handler handler) {
  if (pattern.empty() || pattern.front() != '/') throw std::invalid_argument("route pattern must start with '/': " + pattern);
  Compiled compiled;
  for (std::string_view segment : split(pattern)) {
    compiled.segments.emplace_back(segment);
    if (!isParameter(segment)) ++compiled.literalCount;
  }
  for (size_t i = 0; i < routes_.size(); ++i) {
    if (routes_[i].method == method && compiled_[i].segments == compiled.segments) {
      throw std::invalid_argument("duplicate route " + method + " " + pattern);
    }
  }
  routes_.push_back(Route{std::move(method), std::move(pattern), std::move(handler)});
  compiled_.push_back(std::move(compiled));
}

bool Router::matches(const Compiled& compiled, const std::vector<std::string_view>& segments, NameValues* params) {
  if (compiled.segments.size() != segments.size()) return false;
  NameValues found;
  for (size_t i = 0; i < segments.size(); ++i) {
    const std::string& expected = compiled.segments[i];
    if (isParameter(expected)) {
      if (segments[i].empty()) return false;
      found.emplace_back(expected.substr(1, expected.size() - 2), percentDecode(segments[i]));
    } else if (expected != segments[i]) {
      return false;
    }
  }
  if (params != nullptr) *params = std::move(found);
  return true;
}

RouteMatch Router::match(std::string_view method, std::string_view rawPath) const {
  const std::vector<std::string_view> segments = split(rawPath);
  RouteMatch result;
  int bestLiterals = -1;
  for (size_t i = 0; i < routes_.size(); ++i) {
    if (!matches(compiled_[i], segments, nullptr)) continue;
    if (routes_[i].method != method) {
      if (std::find(result.allowedMethods.begin(), result.allowedMethods.end(), routes_[i].method) ==
          result.allowedMethods.end()) {
        result.allowedMethods.push_back(routes_[i].method);
      }
      continue;
    }
    if (compiled_[i].literalCount > bestLiterals) {
      bestLiterals = compiled_[i].literalCount;
      result.route = &routes_[i];
      matches(compiled_[i], segments, &result.pathParams);
    }
  }
  if (result.route != nullptr) {
    result.kind = RouteMatch::Kind::Found;
    result.allowedMethods.clear();
  } else if (!result.allowedMethods.empty()) {
    result.kind = RouteMatch::Kind::MethodNotAllowed;
  }
  return result;
}

}  // namespace ih::host::http
