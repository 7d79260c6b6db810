// The installation pipeline through the API (owners): initialize, then one
// POST per step until the integration is installed.
#include "api/access.h"
#include "api/api_router.h"
#include "api/json_input.h"
#include "api/json_response.h"
#include "api/pipeline_flow.h"
#include "api/route_groups.h"
#include "api/serializers.h"
#include "common/errors.h"
#include "domain/pipeline_service.h"
#include "plugins/plugin_registry.h"

namespace ih::host::api {

namespace {

http::Response initialize(ApiCall& call) {
  const auto& body = call.request.jsonObject();
  if (optionalString(body, "action").value_or("") != "initialize") {
    throw ValidationError("action", "Expected \"initialize\".");
  }
  std::string provider = requireString(body, "provider");
  plugins::LoadedPlugin* plugin = call.services.plugins.find(provider);
  if (plugin == nullptr || plugin->info().pipelineSteps.empty()) {
    throw ValidationError("provider", "\"" + provider + "\" is not an installable provider.");
  }
  requirePluginEnabled(call.uow, call.services, call.org().id, provider);
  storage::Pipeline pipeline = call.services.pipelines.start(call.uow, call.org().id, call.principal.userId, provider);
  const auto& steps = plugin->info().pipelineSteps;
  return jsonResponse(200, [&](JsonBuilder& b) {
    b.beginObject()
        .field("pipelineId", pipeline.publicId)
        .field("provider", provider)
        .field("step", steps.front())
        .field("stepIndex", 0)
        .field("totalSteps", static_cast<int64_t>(steps.size()))
        .key("data")
        .beginObject()
        .endObject()
        .endObject();
  });
}

http::Response step(ApiCall& call) {
  const auto& body = call.request.jsonObject();  // validates the input before anything else
  std::optional<storage::Pipeline> pipeline =
      call.services.pipelines.find(call.uow, call.org().id, call.request.pathParam("pipelineId"));
  if (!pipeline) throw NotFoundError("The installation pipeline does not exist or has expired");
  plugins::LoadedPlugin* plugin = call.services.plugins.find(pipeline->provider);
  if (plugin == nullptr) throw NotFoundError("The pipeline's plugin is not loaded");
  requirePluginEnabled(call.uow, call.services, call.org().id, pipeline->provider);
  return stepResponse(runPipelineStep(call.services, call.uow, *plugin, *pipeline, toJsonText(body)));
}

}  // namespace

void registerPipelineRoutes(ApiRouter& api) {
  api.add("POST", "/api/0/organizations/{org}/pipeline/integration/", Access::OrgOwner, initialize);
  api.add("POST", "/api/0/organizations/{org}/pipeline/integration/{pipelineId}/", Access::OrgOwner, step);
}

}  // namespace ih::host::api
