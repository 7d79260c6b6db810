#include "http/router.h"

namespace ih::host::http {

void Router::add(std::string method, std::string pattern, Handler handler) {
  table_.add(method, pattern);
  routes_.push_back(Route{std::move(method), std::move(pattern), std::move(handler)});
}

RouteMatch Router::match(std::string_view method, std::string_view rawPath) const {
  routing::RouteMatch found = table_.match(method, rawPath);
  RouteMatch result;
  result.kind = found.kind;
  if (found.kind == RouteMatch::Kind::Found) {
    result.route = &routes_[found.index];
    result.pathParams = std::move(found.params);
  }
  result.allowedMethods = std::move(found.allowedMethods);
  return result;
}

}  // namespace ih::host::http
