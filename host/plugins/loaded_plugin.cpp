// host/plugins/loaded_plugin.cpp - calling a loaded plugin's hooks (see
// loaded_plugin.h). Every call goes through invoke(), which owns the rules:
// missing hook -> IHP_E_UNSUPPORTED without calling; per-plugin serialisation
// unless IHP_PLUGIN_THREAD_SAFE; catch(...) as defence in depth; unknown
// statuses -> IHP_E_PERMANENT; metrics per plugin, hook and status.
#include "plugins/loaded_plugin.h"

#include <Poco/Logger.h>

#include <chrono>

#include "ops/metrics.h"
#include "plugins/abi_negotiation.h"
#include "plugins/host_call_context.h"
#include "plugins/host_services.h"

namespace ih::host::plugins {

namespace {

ihp_str borrow(const std::string& text) { return ihp_str{text.data(), text.size()}; }
constexpr ihp_str kAbsent{nullptr, 0};

std::vector<ihp_header> borrowPairs(const std::vector<std::pair<std::string, std::string>>& pairs) {
  std::vector<ihp_header> out;
  out.reserve(pairs.size());
  for (const auto& [name, value] : pairs) out.push_back(ihp_header{borrow(name), borrow(value)});
  return out;
}

bool knownStatus(ihp_status status) { return status >= IHP_OK && status <= IHP_E_FORBIDDEN; }

template <class T>
T sized() {
  T value{};
  value.struct_size = sizeof(T);
  return value;
}

}  // namespace

LoadedPlugin::LoadedPlugin(PluginInfo info, const ihp_plugin_api* api, ihp_plugin* instance, HostServices& services)
    : info_(std::move(info)), table_(*api), api_(&table_), instance_(instance), services_(services) {}

LoadedPlugin::~LoadedPlugin() {
  if (api_ == nullptr || api_->shutdown == nullptr) return;
  try {
    api_->shutdown(instance_);
  } catch (...) {
    Poco::Logger::get("plugins").error("plugin %s: shutdown threw an exception (plugins must not throw across the C ABI)",
                                       info_.key);
  }
}

template <class Call>
HookReply LoadedPlugin::invoke(const char* hook, HookFn<Call> fn, CallScope& scope, const Call& call) {
  const auto started = std::chrono::steady_clock::now();
  HookReply result;
  if (fn == nullptr) {
    result.status = IHP_E_UNSUPPORTED;
    result.httpStatus = 501;
  } else {
    std::unique_lock<std::mutex> lock(serialise_, std::defer_lock);
    if (!info_.threadSafe) lock.lock();
    ihp_host_ctx ctx = makeHostContext(info_, services_, scope);
    ihp_reply reply;
    ihp_status status;
    try {
      status = fn(instance_, &ctx, &call, &reply);
    } catch (...) {
      Poco::Logger::get("plugins").error("plugin %s: hook %s threw an exception across the C ABI", info_.key,
                                         std::string(hook));
      status = IHP_E_INTERNAL;
      reply.result.httpStatus = 500;
    }
    result = std::move(reply.result);
    if (!knownStatus(status)) {
      Poco::Logger::get("plugins").warning("plugin %s: hook %s returned unknown status %s; treated as permanent",
                                           info_.key, std::string(hook), std::to_string(status));
      status = IHP_E_PERMANENT;
    }
    if (status == IHP_E_INTERNAL) result.httpStatus = 500;
    result.status = status;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  services_.metrics.increment("ih_plugin_calls_total",
                              {{"plugin", info_.key}, {"hook", hook}, {"status", statusText(result.status)}});
  services_.metrics.increment("ih_plugin_call_duration_seconds_total", {{"plugin", info_.key}, {"hook", hook}},
                              seconds);
  return result;
}

HookReply LoadedPlugin::handleRequest(CallScope& scope, const PluginRequest& request) {
  auto headers = borrowPairs(request.headers);
  auto params = borrowPairs(request.pathParams);
  auto call = sized<ihp_request>();
  call.route_index = static_cast<uint32_t>(request.routeIndex);
  call.method = borrow(request.method);
  call.path = borrow(request.path);
  call.query = borrow(request.query);
  call.headers = headers.data();
  call.header_count = headers.size();
  call.path_params = params.data();
  call.path_param_count = params.size();
  call.body = borrow(request.body);
  call.organization_id = scope.organizationId;
  call.user_id = scope.userId;
  return invoke("handle_request", api_->handle_request, scope, call);
}

HookReply LoadedPlugin::pipelineStep(CallScope& scope, const PipelineStepCall& step) {
  auto call = sized<ihp_pipeline_call>();
  call.organization_id = scope.organizationId;
  call.user_id = scope.userId;
  call.step_index = step.stepIndex;
  call.state_json = borrow(step.stateJson);
  call.input_json = borrow(step.inputJson);
  call.public_url = borrow(services_.publicUrl);
  return invoke("pipeline_step", api_->pipeline_step, scope, call);
}

HookReply LoadedPlugin::issueForm(CallScope& scope, int32_t form, const std::string& contextJson) {
  auto call = sized<ihp_form_call>();
  call.form = form;
  call.context_json = borrow(contextJson);
  call.input_json = kAbsent;
  return invoke("issue_form", api_->issue_form, scope, call);
}

HookReply LoadedPlugin::issueAction(CallScope& scope, int32_t form, const std::string& contextJson,
                                    const std::string& inputJson) {
  auto call = sized<ihp_form_call>();
  call.form = form;
  call.context_json = borrow(contextJson);
  call.input_json = borrow(inputJson);
  return invoke("issue_action", api_->issue_action, scope, call);
}

HookReply LoadedPlugin::configUpdate(CallScope& scope, int64_t integrationId, const std::string& storedJson,
                                     const std::string& patchJson) {
  auto call = sized<ihp_config_call>();
  call.organization_id = scope.organizationId;
  call.integration_id = integrationId;
  call.stored_json = borrow(storedJson);
  call.patch_json = borrow(patchJson);
  return invoke("config_update", api_->config_update, scope, call);
}

HookReply LoadedPlugin::configView(CallScope& scope, int64_t integrationId, const std::string& storedJson) {
  auto call = sized<ihp_config_call>();
  call.organization_id = scope.organizationId;
  call.integration_id = integrationId;
  call.stored_json = borrow(storedJson);
  call.patch_json = kAbsent;
  return invoke("config_view", api_->config_view, scope, call);
}

HookReply LoadedPlugin::handleEvent(CallScope& scope, int32_t type, const std::string& eventJson, uint32_t attempt) {
  auto call = sized<ihp_event>();
  call.type = type;
  call.event_json = borrow(eventJson);
  call.attempt = attempt;
  return invoke("handle_event", api_->handle_event, scope, call);
}

HookReply LoadedPlugin::runJob(CallScope& scope, int64_t jobId, const std::string& kind, const std::string& payloadJson,
                               uint32_t attempt) {
  auto call = sized<ihp_job>();
  call.job_id = jobId;
  call.kind = borrow(kind);
  call.payload_json = borrow(payloadJson);
  call.attempt = attempt;
  return invoke("run_job", api_->run_job, scope, call);
}

HookReply LoadedPlugin::uninstall(CallScope& scope, int64_t integrationId, const std::string& integrationJson,
                                  const std::string& credentialsJson, uint32_t attempt) {
  auto call = sized<ihp_uninstall_call>();
  call.integration_id = integrationId;
  call.integration_json = borrow(integrationJson);
  call.credentials_json = borrow(credentialsJson);
  call.attempt = attempt;
  return invoke("uninstall", api_->uninstall, scope, call);
}

}  // namespace ih::host::plugins
