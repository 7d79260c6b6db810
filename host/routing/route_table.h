// routing/route_table.h - method + path routing with one precedence rule, for
// the host's router (http::Router), the plugin routes (PluginRegistry) and
// mock-jira's REST and control routes.
//
// Paths are matched by PathPattern's rule (path_pattern.h). Among the routes
// whose pattern matches a path with the request's method, the one with the
// most literal segments wins ("/extensions/jira-server/setup/" over
// "/extensions/{pluginKey}/setup/"), and registration order breaks ties.
// A path some route matches only with other methods is MethodNotAllowed, so
// the caller can answer 405 with Allow rather than 404. The table knows
// routes by index: callers keep their handlers in a parallel list. Build it
// at start-up; matching is then read-only and thread-safe.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "routing/path_pattern.h"

namespace ih::routing {

struct RouteMatch {
  enum class Kind { Found, MethodNotAllowed, NotFound };
  Kind kind = Kind::NotFound;
  size_t index = 0;                          // Found only: the route's index
  PathParams params;                         // Found only: decoded {name} values
  std::vector<std::string> allowedMethods;   // MethodNotAllowed only, in registration order
};

class RouteTable {
 public:
  // Which routes take part in a match (e.g. the mock's routes of another
  // Jira version); empty = all of them.
  using Usable = std::function<bool(size_t index)>;

  // Adds a route and returns its index (0, 1, ...). Throws
  // std::invalid_argument for a malformed pattern, or when the method
  // already has a route no path could tell apart from this one.
  size_t add(std::string method, std::string_view pattern);

  RouteMatch match(std::string_view method, std::string_view path, const Usable& usable = {}) const;

  size_t size() const { return routes_.size(); }
  const std::string& method(size_t index) const { return routes_.at(index).method; }
  const std::string& pattern(size_t index) const { return routes_.at(index).pattern.text(); }

 private:
  struct Route {
    std::string method;
    PathPattern pattern;
  };
  std::vector<Route> routes_;
};

}  // namespace ih::routing
