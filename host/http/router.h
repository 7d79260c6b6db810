// host/http/router.h - the host's method + path routing: routing::RouteTable
// (the project's one route matcher, see routing/route_table.h) with a handler
// per route.
//
// Patterns are absolute paths whose segments are literals or {name}
// parameters, e.g. "/api/0/organizations/{org}/issues/{id}/". Matching
// ignores a trailing slash; parameters are percent-decoded once. When several
// patterns match a path, the one with the most literal segments wins
// (registration order breaks ties). A path that matches some pattern but not
// with this method is "method not allowed" (405) rather than "not found"
// (404). Build the router at start-up; matching is then read-only and
// thread-safe.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "http/request_context.h"
#include "http/response.h"
#include "routing/route_table.h"

namespace ih::host::http {

using Handler = std::function<Response(RequestContext&)>;

struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
};

struct RouteMatch {
  using Kind = routing::RouteMatch::Kind;
  Kind kind = Kind::NotFound;
  const Route* route = nullptr;  // Found only
  NameValues pathParams;         // Found only, percent-decoded
  std::vector<std::string> allowedMethods;  // MethodNotAllowed only
};

class Router {
 public:
  // Throws std::invalid_argument for a malformed pattern or one that repeats
  // a method + pattern already registered.
  void add(std::string method, std::string pattern, Handler handler);
  RouteMatch match(std::string_view method, std::string_view rawPath) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  routing::RouteTable table_;
  std::vector<Route> routes_;  // by table index
};

}  // namespace ih::host::http
