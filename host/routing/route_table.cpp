// routing/route_table.cpp - see route_table.h.
#include "routing/route_table.h"

#include <algorithm>
#include <stdexcept>

namespace ih::routing {

size_t RouteTable::add(std::string method, std::string_view pattern) {
  PathPattern compiled(pattern);
  for (const Route& route : routes_) {
    if (route.method == method && route.pattern.sameShapeAs(compiled)) {
      throw std::invalid_argument("route " + method + " " + std::string(pattern) + " duplicates " +
                                  route.pattern.text());
    }
  }
  routes_.push_back(Route{std::move(method), std::move(compiled)});
  return routes_.size() - 1;
}

RouteMatch RouteTable::match(std::string_view method, std::string_view path, const Usable& usable) const {
  const std::vector<std::string_view> segments = splitPath(path);
  RouteMatch result;
  int bestLiterals = -1;
  for (size_t i = 0; i < routes_.size(); ++i) {
    const Route& route = routes_[i];
    const bool sameMethod = route.method == method;
    // A route that cannot win or add an Allow entry is not worth decoding for.
    if (sameMethod && route.pattern.literalCount() <= bestLiterals) continue;
    if (usable && !usable(i)) continue;
    std::optional<PathParams> params = route.pattern.match(segments);
    if (!params) continue;
    if (!sameMethod) {
      if (std::find(result.allowedMethods.begin(), result.allowedMethods.end(), route.method) ==
          result.allowedMethods.end())
        result.allowedMethods.push_back(route.method);
      continue;
    }
    bestLiterals = route.pattern.literalCount();
    result.kind = RouteMatch::Kind::Found;
    result.index = i;
    result.params = std::move(*params);
  }
  if (result.kind == RouteMatch::Kind::Found) {
    result.allowedMethods.clear();
  } else if (!result.allowedMethods.empty()) {
    result.kind = RouteMatch::Kind::MethodNotAllowed;
  }
  return result;
}

}  // namespace ih::routing
