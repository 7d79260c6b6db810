#include "api/routes.h"

#include "api/api_router.h"
#include "api/ops_routes.h"
#include "api/plugin_dispatch.h"
#include "api/route_groups.h"
#include "web/static_site.h"

namespace ih::host::api {

void registerRoutes(http::Router& router, http::Dispatcher& dispatcher, ApiServices& services,
                    const web::StaticSite* site) {
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
  registerSyncLogRoutes(api);
  registerUserMappingRoutes(api);
  registerSessionRoutes(api);
  registerPasswordRoutes(api);
  registerDirectoryReadRoutes(api);
  registerWebhookInboxRoutes(api);
  dispatcher.setFallback([&services, site](http::RequestContext& ctx) -> std::optional<http::Response> {
    if (auto served = dispatchPluginRoute(services, ctx)) return served;
    if (site != nullptr) return site->serve(ctx);
    return std::nullopt;
  });
}

}  // namespace ih::host::api
