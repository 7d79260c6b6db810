// Loaded plugins, and their enablement per organization (plugins start
// disabled everywhere; owners turn them on).
#include "api/api_router.h"
#include "api/audit_trail.h"
#include "api/json_input.h"
#include "api/json_response.h"
#include "api/plugin_lookup.h"
#include "api/route_groups.h"
#include "api/serializers.h"
#include "domain/integration_service.h"
#include "plugins/plugin_registry.h"

namespace ih::host::api {

namespace {

void writeEnablement(JsonBuilder& b, std::string_view key, bool enabled) {
  b.beginObject().field("key", key).field("enabled", enabled).endObject();
}

http::Response listPlugins(ApiCall& call) {
  return jsonListResponse(200, call.services.plugins.plugins(),
                          [](JsonBuilder& b, const plugins::LoadedPlugin* p) { writePluginInfo(b, p->info()); });
}

http::Response listOrgPlugins(ApiCall& call) {
  return jsonListResponse(200, call.services.plugins.plugins(), [&](JsonBuilder& b, const plugins::LoadedPlugin* p) {
    writeEnablement(b, p->info().key, call.services.integrations.pluginEnabled(call.uow, call.org().id, p->info().key));
  });
}

http::Response setOrgPlugin(ApiCall& call) {
  const std::string key = requirePlugin(call.services, call.request.pathParam("key")).info().key;
  bool enabled = requireBool(call.request.jsonObject(), "enabled");
  const bool before = call.services.integrations.pluginEnabled(call.uow, call.org().id, key);
  call.services.integrations.setPluginEnabled(call.uow, call.org().id, key, enabled);
  if (before != enabled) recordAudit(call, {enabled ? "plugin.enabled" : "plugin.disabled", "plugin", key, "{}"});
  return jsonResponse(200, [&](JsonBuilder& b) { writeEnablement(b, key, enabled); });
}

}  // namespace

void registerPluginRoutes(ApiRouter& api) {
  api.add("GET", "/api/0/plugins/", Access::Authenticated, listPlugins);
  api.add("GET", "/api/0/organizations/{org}/plugins/", Access::OrgMember, listOrgPlugins);
  api.add("PUT", "/api/0/organizations/{org}/plugins/{key}/", Access::OrgOwner, setOrgPlugin);
}

}  // namespace ih::host::api
