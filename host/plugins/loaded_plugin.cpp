// host/plugins/loaded_plugin.cpp - calling a loaded plugin's hooks (see
// loaded_plugin.h). Every call goes through invoke(), which owns the rules:
// missing hook -> IHP_E_UNSUPPORTED without calling; the call runs on the
// plugin-call pool under its deadline (serialised there unless
// IHP_PLUGIN_THREAD_SAFE, exceptions caught as defence in depth); unknown
// statuses -> IHP_E_PERMANENT; a refused reply -> IHP_E_INTERNAL / 500;
// metrics per plugin, hook and status ("abandoned" past the deadline).
#include "plugins/loaded_plugin.h"

#include <Poco/Logger.h>

#include <chrono>

#include "ops/metrics.h"
#include "plugins/abi_negotiation.h"
#include "plugins/host_call_context.h"
#include "plugins/host_services.h"
#include "plugins/plugin_call_executor.h"

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

LoadedPlugin::LoadedPlugin(PluginInfo info, const ihp_plugin_api* api, ihp_plugin* instance, HostServices& services,
                           PluginCallExecutor& calls)
    : info_(std::make_shared<const PluginInfo>(std::move(info))),
      table_(*api),
      api_(&table_),
      instance_(instance),
      services_(services),
      calls_(calls) {}

LoadedPlugin::~LoadedPlugin() {
  if (api_ == nullptr || api_->shutdown == nullptr) return;
  if (running_->load() > 0) {
    Poco::Logger::get("plugins").warning("plugin %s: shutdown skipped, %d abandoned call(s) still running in it",
                                         info_->key, running_->load());
    return;
  }
  try {
    api_->shutdown(instance_);
  } catch (...) {
    Poco::Logger::get("plugins").error("plugin %s: shutdown threw an exception (plugins must not throw across the C ABI)",
                                       info_->key);
  }
}

HookReply LoadedPlugin::invoke(const char* hook, bool provided, CallScope& scope, HookBody body) {
  const auto started = std::chrono::steady_clock::now();
  auto record = [&](const std::string& status) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    services_.metrics.increment("ih_plugin_calls_total", {{"plugin", info_->key}, {"hook", hook}, {"status", status}});
    services_.metrics.increment("ih_plugin_call_duration_seconds_total", {{"plugin", info_->key}, {"hook", hook}},
                                seconds);
  };
  HookReply result;
  if (!provided) {
    result.status = IHP_E_UNSUPPORTED;
    result.httpStatus = 501;
    record(statusText(result.status));
    return result;
  }
  auto call = std::make_shared<HookCall>();
  call->hook = hook;
  call->plugin = info_;
  call->body = std::move(body);
  if (!info_->threadSafe) call->serialise = serialise_;
  call->running = running_;
  call->ctx = makeHostContext(*info_, services_, scope);
  call->ownedWork = scope.ownedWork;
  try {
    calls_.run(call);
  } catch (...) {
    record("abandoned");
    throw;
  }
  if (call->threw) {
    Poco::Logger::get("plugins").error("plugin %s: hook %s threw an exception across the C ABI", info_->key,
                                       std::string(hook));
    call->status = IHP_E_INTERNAL;
  }
  result = std::move(call->reply.result);
  ihp_status status = call->status;
  if (!knownStatus(status)) {
    Poco::Logger::get("plugins").warning("plugin %s: hook %s returned unknown status %s; treated as permanent",
                                         info_->key, std::string(hook), std::to_string(status));
    status = IHP_E_PERMANENT;
  }
  if (result.rejected) {
    Poco::Logger::get("plugins").error("plugin %s: hook %s: reply refused: %s; answered 500", info_->key,
                                       std::string(hook), *result.rejected);
    status = IHP_E_INTERNAL;
    result.headers.clear();
    result.body = R"({"detail":"Internal error"})";
  }
  if (status == IHP_E_INTERNAL) result.httpStatus = 500;
  result.status = status;
  record(statusText(result.status));
  return result;
}

HookReply LoadedPlugin::handleRequest(CallScope& scope, PluginRequest request) {
  const int64_t organizationId = scope.organizationId;
  const int64_t userId = scope.userId;
  return invoke("handle_request", api_->handle_request != nullptr, scope,
                [fn = api_->handle_request, instance = instance_, request = std::move(request), organizationId,
                 userId](ihp_host_ctx* ctx, ihp_reply* reply) {
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
                  call.organization_id = organizationId;
                  call.user_id = userId;
                  call.phase = request.phase;
                  return fn(instance, ctx, &call, reply);
                });
}

HookReply LoadedPlugin::pipelineStep(CallScope& scope, const PipelineStepCall& step) {
  const int64_t organizationId = scope.organizationId;
  const int64_t userId = scope.userId;
  return invoke("pipeline_step", api_->pipeline_step != nullptr, scope,
                [fn = api_->pipeline_step, instance = instance_, step, organizationId, userId,
                 publicUrl = services_.publicUrl](ihp_host_ctx* ctx, ihp_reply* reply) {
                  auto call = sized<ihp_pipeline_call>();
                  call.organization_id = organizationId;
                  call.user_id = userId;
                  call.step_index = step.stepIndex;
                  call.state_json = borrow(step.stateJson);
                  call.input_json = borrow(step.inputJson);
                  call.public_url = borrow(publicUrl);
                  return fn(instance, ctx, &call, reply);
                });
}

HookReply LoadedPlugin::issueForm(CallScope& scope, int32_t form, const std::string& contextJson) {
  return invoke("issue_form", api_->issue_form != nullptr, scope,
                formBody(api_->issue_form, form, contextJson, std::nullopt));
}

HookReply LoadedPlugin::issueAction(CallScope& scope, int32_t form, const std::string& contextJson,
                                    const std::string& inputJson) {
  return invoke("issue_action", api_->issue_action != nullptr, scope,
                formBody(api_->issue_action, form, contextJson, inputJson));
}

LoadedPlugin::HookBody LoadedPlugin::formBody(HookFn<ihp_form_call> fn, int32_t form, const std::string& contextJson,
                                              std::optional<std::string> inputJson) const {
  return [fn, instance = instance_, form, contextJson, inputJson = std::move(inputJson)](ihp_host_ctx* ctx,
                                                                                        ihp_reply* reply) {
    auto call = sized<ihp_form_call>();
    call.form = form;
    call.context_json = borrow(contextJson);
    call.input_json = inputJson ? borrow(*inputJson) : kAbsent;
    return fn(instance, ctx, &call, reply);
  };
}

HookReply LoadedPlugin::configUpdate(CallScope& scope, int64_t integrationId, const std::string& storedJson,
                                     const std::string& patchJson) {
  return invoke("config_update", api_->config_update != nullptr, scope,
                configBody(api_->config_update, scope, integrationId, storedJson, patchJson));
}

HookReply LoadedPlugin::configView(CallScope& scope, int64_t integrationId, const std::string& storedJson) {
  return invoke("config_view", api_->config_view != nullptr, scope,
                configBody(api_->config_view, scope, integrationId, storedJson, std::nullopt));
}

LoadedPlugin::HookBody LoadedPlugin::configBody(HookFn<ihp_config_call> fn, const CallScope& scope,
                                                int64_t integrationId, const std::string& storedJson,
                                                std::optional<std::string> patchJson) const {
  return [fn, instance = instance_, organizationId = scope.organizationId, integrationId, storedJson,
          patchJson = std::move(patchJson)](ihp_host_ctx* ctx, ihp_reply* reply) {
    auto call = sized<ihp_config_call>();
    call.organization_id = organizationId;
    call.integration_id = integrationId;
    call.stored_json = borrow(storedJson);
    call.patch_json = patchJson ? borrow(*patchJson) : kAbsent;
    return fn(instance, ctx, &call, reply);
  };
}

HookReply LoadedPlugin::handleEvent(CallScope& scope, int32_t type, const std::string& eventJson, uint32_t attempt) {
  return invoke("handle_event", api_->handle_event != nullptr, scope,
                [fn = api_->handle_event, instance = instance_, type, eventJson, attempt](ihp_host_ctx* ctx,
                                                                                        ihp_reply* reply) {
                  auto call = sized<ihp_event>();
                  call.type = type;
                  call.event_json = borrow(eventJson);
                  call.attempt = attempt;
                  return fn(instance, ctx, &call, reply);
                });
}

HookReply LoadedPlugin::runJob(CallScope& scope, int64_t jobId, const std::string& kind, const std::string& payloadJson,
                               uint32_t attempt) {
  return invoke("run_job", api_->run_job != nullptr, scope,
                [fn = api_->run_job, instance = instance_, jobId, kind, payloadJson, attempt](ihp_host_ctx* ctx,
                                                                                            ihp_reply* reply) {
                  auto call = sized<ihp_job>();
                  call.job_id = jobId;
                  call.kind = borrow(kind);
                  call.payload_json = borrow(payloadJson);
                  call.attempt = attempt;
                  return fn(instance, ctx, &call, reply);
                });
}

HookReply LoadedPlugin::remoteUsersResolve(CallScope& scope, int64_t integrationId, const std::string& usersJson) {
  return invoke("remote_users_resolve", api_->remote_users_resolve != nullptr, scope,
                [fn = api_->remote_users_resolve, instance = instance_, organizationId = scope.organizationId,
                 integrationId, usersJson](ihp_host_ctx* ctx, ihp_reply* reply) {
                  auto call = sized<ihp_remote_users_call>();
                  call.organization_id = organizationId;
                  call.integration_id = integrationId;
                  call.users_json = borrow(usersJson);
                  return fn(instance, ctx, &call, reply);
                });
}

HookReply LoadedPlugin::uninstall(CallScope& scope, int64_t integrationId, const std::string& integrationJson,
                                  const std::string& credentialsJson, uint32_t attempt) {
  return invoke("uninstall", api_->uninstall != nullptr, scope,
                [fn = api_->uninstall, instance = instance_, integrationId, integrationJson, credentialsJson,
                 attempt](ihp_host_ctx* ctx, ihp_reply* reply) {
                  auto call = sized<ihp_uninstall_call>();
                  call.integration_id = integrationId;
                  call.integration_json = borrow(integrationJson);
                  call.credentials_json = borrow(credentialsJson);
                  call.attempt = attempt;
                  return fn(instance, ctx, &call, reply);
                });
}

}  // namespace ih::host::plugins
