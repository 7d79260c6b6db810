#include "rest/route_table.h"

namespace ih::mock {
namespace {

bool availableIn(Availability availability, int major) {
  switch (availability) {
    case Availability::kAlways: return true;
    case Availability::kUpToVersion9: return major <= 9;
    case Availability::kFromVersion10: return major >= 10;
    case Availability::kBeforeVersion9: return major < 9;
  }
  return false;
}

}  // namespace

void RouteTable::add(std::string method, const std::string& pattern, RestHandler handler, bool anonymous,
                     Availability availability) {
  table_.add(method, pattern);
  routes_.push_back(Route{std::move(method), std::move(handler), anonymous, availability});
}

RouteTable::Match RouteTable::match(const std::string& method, const std::string& path, int majorVersion) const {
  const auto found = table_.match(method, path, [&](size_t index) {
    return availableIn(routes_[index].availability, majorVersion);
  });
  Match result;
  result.pathKnown = found.kind == routing::RouteMatch::Kind::MethodNotAllowed;
  if (found.kind == routing::RouteMatch::Kind::Found) {
    result.route = &routes_[found.index];
    result.params.insert(found.params.begin(), found.params.end());
  }
  return result;
}

}  // namespace ih::mock
