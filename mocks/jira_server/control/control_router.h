// The mock's control API under /_mock/ (served at the root, no auth): seeding, settings,
// OAuth approval, issue changes as Jira users would make them, webhook and delivery
// inspection and steering, the journal, fault rules, the rate limiter and the replay status.
// GET /_mock/ lists every route with a one-line description.
#pragma once

#include <string>
#include <vector>

#include "actions/issue_actions.h"
#include "fixtures/replayer.h"
#include "oauth/token_store.h"
#include "rest/route_table.h"
#include "server/fault_injector.h"
#include "server/rate_limiter.h"
#include "server/journal.h"
#include "server/mock_config.h"
#include "webhooks/delivery_queue.h"

namespace ih::mock {

struct ControlServices {
  const MockConfig& config;
  JiraState& state;
  TokenStore& tokens;
  IssueActions& actions;
  DeliveryQueue& deliveries;
  Journal& journal;
  FaultInjector& faults;
  RateLimiter& rateLimiter;
  Replayer* replayer;  // only in replay mode
};

struct ControlRouteInfo {
  std::string method;
  std::string path;
  std::string description;
};

// Adds a route to the table and to the GET /_mock/ listing.
class ControlRegistry {
 public:
  ControlRegistry(RouteTable& routes, std::vector<ControlRouteInfo>& listing) : routes_(routes), listing_(listing) {}
  void add(const std::string& method, const std::string& path, const std::string& description, RestHandler handler);

 private:
  RouteTable& routes_;
  std::vector<ControlRouteInfo>& listing_;
};

void registerStateControls(ControlRegistry& registry, ControlServices& services);
void registerIssueControls(ControlRegistry& registry, ControlServices& services);
void registerDeliveryControls(ControlRegistry& registry, ControlServices& services);
void registerDiagnosticControls(ControlRegistry& registry, ControlServices& services);

// {"error": message} with the given status; the control API's only error shape.
HttpResponse controlError(int status, const std::string& message);
// The acting user named in a control body, or the first admin when it names none.
std::string actorOf(const RestCall& call, const rapidjson::Value& body);

class ControlRouter {
 public:
  ControlRouter(ControlServices& services, RestServices& restServices);
  HttpResponse handle(const HttpRequest& request);

 private:
  RestServices& restServices_;
  RouteTable routes_;
  std::vector<ControlRouteInfo> listing_;
};

}  // namespace ih::mock
