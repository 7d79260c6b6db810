// The integrations an organization links: list and read (members), change
// config, unlink and start a reconcile (owners).
#include "api/api_router.h"
#include "api/audit_trail.h"
#include "api/integration_views.h"
#include "api/json_input.h"
#include "api/json_response.h"
#include "api/plugin_replies.h"
#include "api/route_groups.h"
#include "common/errors.h"
#include "domain/reconcile_starter.h"
#include "plugins/plugin_registry.h"

namespace ih::host::api {

namespace {

domain::OrgIntegrationView requireIntegration(ApiCall& call) {
  return call.services.integrations.getForOrganization(call.uow, call.org().id, pathId(call.request, "id"));
}

http::Response integrationResponse(ApiCall& call, const domain::OrgIntegrationView& view) {
  return jsonResponse(200, [&](JsonBuilder& b) { writeIntegrationView(call, b, view); });
}

http::Response listIntegrations(ApiCall& call) {
  auto views = call.services.integrations.listForOrganization(call.uow, call.org().id);
  return jsonListResponse(200, views,
                          [&](JsonBuilder& b, const domain::OrgIntegrationView& v) { writeIntegrationView(call, b, v); });
}

http::Response getIntegration(ApiCall& call) { return integrationResponse(call, requireIntegration(call)); }

// Applies the patch through the plugin's config_update (which validates and
// answers the complete config), or merges it shallowly without that hook.
std::optional<http::Response> applyConfig(ApiCall& call, const domain::OrgIntegrationView& view,
                                          const std::string& patch) {
  const int64_t orgId = call.org().id;
  const int64_t integrationId = view.integration.id;
  plugins::LoadedPlugin* plugin = call.services.plugins.find(view.integration.provider);
  if (plugin != nullptr) {
    plugins::CallScope scope{call.uow, orgId, call.principal.userIdOrZero()};
    plugins::HookReply reply = plugin->configUpdate(scope, integrationId, view.link.configJson, patch);
    if (reply.httpStatus == 400) return pluginValidationResponse(reply);
    if (reply.status != IHP_E_UNSUPPORTED) {
      ihp::sdk::json::Document config;
      if (!succeeded(reply, 200) || !ihp::sdk::json::parseObject(reply.body, config)) {
        return pluginFailureResponse(reply, plugin->info().key, "config_update");
      }
      call.services.integrations.replaceConfig(call.uow, orgId, integrationId, reply.body);
      return std::nullopt;
    }
  }
  call.services.integrations.mergeConfig(call.uow, orgId, integrationId, patch);
  return std::nullopt;
}

http::Response updateIntegration(ApiCall& call) {
  const auto& body = call.request.jsonObject();
  const JsonValue* config = ihp::sdk::json::member(body, "config");
  if (config == nullptr || !config->IsObject()) throw ValidationError("config", "This field must be an object.");
  domain::OrgIntegrationView view = requireIntegration(call);
  if (auto answer = applyConfig(call, view, toJsonText(*config))) return std::move(*answer);
  domain::OrgIntegrationView after = requireIntegration(call);
  const std::string change = domain::configChangeData(view.link.configJson, after.link.configJson);
  // A patch that changes nothing leaves no entry.
  if (change.rfind("{\"changed\":[]", 0) != 0) {
    recordAudit(call, {"integration.config_changed", "integration", std::to_string(view.integration.id), change});
  }
  return integrationResponse(call, after);
}

http::Response deleteIntegration(ApiCall& call) {
  domain::OrgIntegrationView view = requireIntegration(call);
  call.services.integrations.unlink(call.uow, call.org().id, view.integration.id);
  JsonBuilder data;
  data.beginObject().field("provider", view.integration.provider).field("name", view.integration.name).endObject();
  recordAudit(call, {"integration.uninstalled", "integration", std::to_string(view.integration.id), data.str()});
  return http::Response::noContent();
}

// 202 {"jobId"}: the reconcile runs as durable jobs; GET .../jobs/ follows them.
http::Response reconcileIntegration(ApiCall& call) {
  const domain::OrgIntegrationView view = requireIntegration(call);
  const int64_t jobId =
      domain::ReconcileStarter(call.services.integrations, call.services.jobs).start(call.uow, call.org().id, view.integration.id);
  JsonBuilder data;
  data.beginObject().field("jobId", std::to_string(jobId)).endObject();
  recordAudit(call, {"integration.reconcile_started", "integration", std::to_string(view.integration.id), data.str()});
  return jsonResponse(202, [&](JsonBuilder& b) { b.beginObject().field("jobId", std::to_string(jobId)).endObject(); });
}

}  // namespace

void registerIntegrationRoutes(ApiRouter& api) {
  api.add("GET", "/api/0/organizations/{org}/integrations/", Access::OrgMember, listIntegrations);
  api.add("GET", "/api/0/organizations/{org}/integrations/{id}/", Access::OrgMember, getIntegration);
  api.add("PUT", "/api/0/organizations/{org}/integrations/{id}/", Access::OrgOwner, updateIntegration);
  api.add("DELETE", "/api/0/organizations/{org}/integrations/{id}/", Access::OrgOwner, deleteIntegration);
  api.add("POST", "/api/0/organizations/{org}/integrations/{id}/reconcile/", Access::OrgOwner, reconcileIntegration);
}

}  // namespace ih::host::api
