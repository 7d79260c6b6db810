#include "rest/route_table.h"

#include "common/url_codec.h"

namespace ih::mock {
namespace {

std::vector<std::string> splitPath(const std::string& path) {
  std::vector<std::string> segments;
  std::size_t start = 1;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    segments.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return segments;
}

bool availableIn(Availability availability, int major) {
  switch (availability) {
    case Availability::kAlways: return true;
    case Availability::kUpToVersion9: return major <= 9;
    case Availability::kFromVersion10: return major >= 10;
    case Availability::kBeforeVersion9: return major < 9;
  }
  return false;
}

bool segmentsMatch(const Route& route, const std::vector<std::string>& actual, std::map<std::string, std::string>& params) {
  if (route.segments.size() != actual.size()) return false;
  std::map<std::string, std::string> captured;
  for (std::size_t i = 0; i < actual.size(); ++i) {
    const auto& pattern = route.segments[i];
    if (pattern.size() > 2 && pattern.front() == '{' && pattern.back() == '}') {
      if (actual[i].empty()) return false;
      captured[pattern.substr(1, pattern.size() - 2)] = percentDecode(actual[i], false);
    } else if (pattern != actual[i]) {
      return false;
    }
  }
  params = std::move(captured);
  return true;
}

}  // namespace

void RouteTable::add(std::string method, const std::string& pattern, RestHandler handler, bool anonymous,
                     Availability availability) {
  routes_.push_back(Route{std::move(method), splitPath(pattern), std::move(handler), anonymous, availability});
}

RouteTable::Match RouteTable::match(const std::string& method, const std::string& path, int majorVersion) const {
  Match result;
  const auto actual = splitPath(path);
  // Literal segments win over parameters: routes are tried in registration order, and
  // resources register their literal paths (issue/createmeta) before templates (issue/{key}).
  for (const auto& route : routes_) {
    std::map<std::string, std::string> params;
    if (!availableIn(route.availability, majorVersion) || !segmentsMatch(route, actual, params)) continue;
    if (route.method != method) {
      result.pathKnown = true;
      continue;
    }
    result.route = &route;
    result.params = std::move(params);
    return result;
  }
  return result;
}

}  // namespace ih::mock
