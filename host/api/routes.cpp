#include "api/routes.h"

#include "api/api_router.h"
#include "api/ops_routes.h"
#include "api/plugin_dispatch.h"
#include "api/route_groups.h"

namespace ih::host::api {

void registerRoutes(http::Router& router, http::Dispatcher& dispatcher, ApiServices& services) {
  registerOpsRoutes(router, services);
  ApiRouter api(router, services);
  registerOrganizationRoutes(api);
  registerUserRoutes(api);
  registerTeamRoutes(api);
  registerProjectRoutes(api);
  registerIssueRoutes(api);
  registerActivityRoutes(api);
  registerCommentRoutes(api);
  registerExternalIssueRoutes(api);
  registerPluginRoutes(api);
  registerPipelineRoutes(api);
  registerSetupCallbackRoutes(api);
  registerIntegrationRoutes(api);
  registerIssueIntegrationRoutes(api);
  registerJobRoutes(api);
  dispatcher.setFallback([&services](http::RequestContext& ctx) { return dispatchPluginRoute(services, ctx); });
}

}  // namespace ih::host::api
