#include "api/integration_views.h"

#include <Poco/Logger.h>

#include "api/plugin_lookup.h"
#include "api/plugin_replies.h"
#include "ihp/sdk/json.hpp"
#include "plugins/plugin_registry.h"

namespace ih::host::api {

std::string viewConfig(ApiCall& call, const domain::OrgIntegrationView& view) {
  plugins::LoadedPlugin* plugin = call.services.plugins.find(view.integration.provider);
  if (plugin == nullptr) return view.link.configJson;
  plugins::CallScope scope{call.uow, call.org().id, call.principal.userIdOrZero()};
  plugins::HookReply reply = plugin->configView(scope, view.integration.id, view.link.configJson);
  if (reply.status == IHP_E_UNSUPPORTED) return view.link.configJson;
  ihp::sdk::json::Document doc;
  if (succeeded(reply, 200) && ihp::sdk::json::parseObject(reply.body, doc)) return reply.body;
  // Config holds no secrets, so showing the stored one is a safe fallback.
  Poco::Logger::get("ih.api.plugins")
      .warning("plugin %s config_view failed (status %d); showing the stored config", plugin->info().key,
               static_cast<int>(reply.status));
  return view.link.configJson;
}

void writeIntegrationView(ApiCall& call, JsonBuilder& b, const domain::OrgIntegrationView& view) {
  writeIntegration(b, view, providerName(call.services, view.integration.provider), viewConfig(call, view));
}

}  // namespace ih::host::api
