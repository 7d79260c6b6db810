// Path templates ("/rest/api/2/issue/{key}/comment/{id}") mapped to handlers, with the
// Jira versions each route exists in (the webhook resources and global createmeta differ).
// Matching is the project's one route matcher (host/routing/route_table.h), the one the
// host routes with: one trailing slash ignored (as Jersey does), {name} segments
// percent-decoded once, the most literal template wins.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "rest/rest_call.h"
#include "routing/route_table.h"

namespace ih::mock {

enum class Availability { kAlways, kUpToVersion9, kFromVersion10, kBeforeVersion9 };

struct Route {
  std::string method;
  RestHandler handler;
  bool anonymous = false;
  Availability availability = Availability::kAlways;
};

class RouteTable {
 public:
  void add(std::string method, const std::string& pattern, RestHandler handler, bool anonymous = false,
           Availability availability = Availability::kAlways);

  struct Match {
    const Route* route = nullptr;
    bool pathKnown = false;  // some route has this path, but not for this method (405)
    std::map<std::string, std::string> params;
  };
  Match match(const std::string& method, const std::string& path, int majorVersion) const;

 private:
  routing::RouteTable table_;
  std::vector<Route> routes_;  // by table index
};

}  // namespace ih::mock
