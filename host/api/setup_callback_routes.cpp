// GET /extensions/<key>/setup/?<param>=<ref>&... - where the remote side
// (e.g. Jira after OAuth approval) sends the browser. No bearer token: the
// ref in the query names the pipeline. When the host serves the web app, a
// completed installation redirects (303) to the app's completion page
// (/organizations/<org>/integrations/<id>/installed/), and a failure is a
// page in the app's look linking back into it, with the same status codes;
// without the app, plain HTML pages.
#include <algorithm>

#include "api/api_router.h"
#include "api/html_page.h"
#include "api/json_response.h"
#include "api/pipeline_flow.h"
#include "api/serializers.h"
#include "api/route_groups.h"
#include "domain/directory_service.h"
#include "domain/integration_service.h"
#include "domain/pipeline_service.h"
#include "plugins/plugin_registry.h"

namespace ih::host::api {

namespace {

constexpr const char* kInvalidLink = "This installation link is invalid or has expired.";

// `orgSlug` empty: the link is unknown, so the way back is the app's start.
http::Response page(const ApiServices& services, int status, std::string_view title, std::string_view message,
                    const std::string& orgSlug = "") {
  if (!services.webApp) return http::Response::html(status, htmlPage(title, message));
  const std::string back = orgSlug.empty() ? "/" : "/organizations/" + orgSlug + "/integrations/";
  return http::Response::html(
      status, appStyledPage(title, message, back, orgSlug.empty() ? "Go to the app" : "Back to integrations"));
}

// The plugin whose key is `key`, or `key` with '-' read as '_' (jira-server).
plugins::LoadedPlugin* callbackPlugin(ApiServices& services, std::string key) {
  plugins::LoadedPlugin* plugin = services.plugins.find(key);
  if (plugin == nullptr) {
    std::replace(key.begin(), key.end(), '-', '_');
    plugin = services.plugins.find(key);
  }
  return (plugin != nullptr && !plugin->info().pipelineCallbackParam.empty()) ? plugin : nullptr;
}

std::string queryAsJson(const http::NameValues& query) {
  JsonBuilder b;
  b.beginObject();
  for (const auto& [name, value] : query) b.field(name, value);
  b.endObject();
  return b.str();
}

http::Response outcomePage(const ApiServices& services, const StepOutcome& outcome, const std::string& orgSlug) {
  switch (outcome.kind) {
    case StepOutcome::Kind::Complete:
      if (services.webApp) {
        return http::Response::html(303, "")
            .header("Location", "/organizations/" + orgSlug + "/integrations/" + idString(outcome.integrationId) +
                                    "/installed/");
      }
      return page(services, 200, "Installation complete", "The integration is installed. You can close this window.");
    case StepOutcome::Kind::Advance:
      return page(services, 200, "Installation continues", "Next step: " + outcome.step, orgSlug);
    case StepOutcome::Kind::Invalid:
    case StepOutcome::Kind::Failed:
      break;
  }
  return page(services, outcome.httpStatus == 400 ? 400 : outcome.httpStatus, "Installation failed", outcome.detail,
              orgSlug);
}

http::Response setupCallback(ApiCall& call) {
  plugins::LoadedPlugin* plugin = callbackPlugin(call.services, call.request.pathParam("pluginKey"));
  if (plugin == nullptr) return page(call.services, 404, "Not found", "No installation callback is served here.");
  std::optional<std::string> ref = call.request.queryParam(plugin->info().pipelineCallbackParam);
  std::optional<storage::Pipeline> pipeline;
  if (ref && !ref->empty()) pipeline = call.services.pipelines.findByRef(call.uow, plugin->info().key, *ref);
  if (!pipeline) return page(call.services, 400, "Installation failed", kInvalidLink);
  std::optional<storage::Organization> org =
      call.services.directory.findOrganization(call.uow, pipeline->organizationId);
  const std::string orgSlug = org ? org->slug : "";
  if (!call.services.integrations.pluginEnabled(call.uow, pipeline->organizationId, plugin->info().key)) {
    return page(call.services, 403, "Installation failed", "The plugin is not enabled for this organization.", orgSlug);
  }
  return outcomePage(call.services,
                     runPipelineStep(call.services, call.uow, *plugin, *pipeline, queryAsJson(call.request.query)),
                     orgSlug);
}

}  // namespace

void registerSetupCallbackRoutes(ApiRouter& api) {
  api.add("GET", "/extensions/{pluginKey}/setup/", Access::Public, setupCallback);
}

}  // namespace ih::host::api
