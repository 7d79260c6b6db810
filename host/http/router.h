// host/http/router.h - method + path-pattern routing.
//
// Patterns are absolute paths whose segments are literals or {name}
// parameters, e.g. "/api/0/organizations/{org}/issues/{id}/". Matching
// ignores a trailing slash on either side. When several patterns match a
// path, the one with the most literal segments wins (registration order
// breaks ties). A path that matches some pattern but not with this method is
// "method not allowed" (405) rather than "not found" (404). Build the router
// at start-up; matching is then read-only and thread-safe.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "http/request_context.h"
#include "http/response.h"

namespace ih::host::http {

using Handler = std::function<Response(RequestContext&)>;

struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
};

struct RouteMatch {
  enum class Kind { Found, MethodNotAllowed, NotFound };
  Kind kind = Kind::NotFound;
  const Route* route = nullptr;  // Found only
  NameValues pathParams;         // Found only, percent-decoded
  std::vector<std::string> allowedMethods;  // MethodNotAllowed only
};

class Router {
 public:
  // Throws std::invalid_argument for a pattern that does not start with '/'
  // or repeats a method + pattern already registered.
  void add(std::string method, std::string pattern, Handler handler);
  RouteMatch match(std::string_view method, std::string_view rawPath) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  struct Compiled {
    std::vector<std::string> segments;  // "{name}" kept as is
    int literalCount = 0;
  };
  static std::vector<std::string_view> split(std::string_view path);
  static bool matches(const Compiled& compiled, const std::vector<std::string_view>& segments, NameValues* params);

  std::vector<Route> routes_;
  std::vector<Compiled> compiled_;
};

}  // namespace ih::host::http
