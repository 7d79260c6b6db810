// ihp/sdk/plugin.hpp - write a plugin as a C++ class; the SDK generates the C
// entry point and the ihp_plugin_api table.
//
// Usage:
//   class MyPlugin : public ihp::sdk::Plugin {
//    public:
//     explicit MyPlugin(const ihp::sdk::Host& host);
//     ihp_status handleRequest(ihp::sdk::Host&, const ihp_request&, ihp::sdk::Reply&) override;
//   };
//   IHP_DEFINE_PLUGIN(MyPlugin, myDescriptor())
//
// where myDescriptor() returns a const ihp::sdk::Descriptor& with static
// lifetime. Every generated export negotiates versions first, checks the build
// fingerprint, and runs the C++ body inside failClosed, so nothing C++ ever
// crosses the ABI. Hooks the class does not override answer IHP_E_UNSUPPORTED.
#pragma once

#include <cstdint>

#include "ihp/sdk/barrier.hpp"
#include "ihp/sdk/host.hpp"
#include "ihp/sdk/reply.hpp"

namespace ihp::sdk {

// What the plugin tells the host about itself. All pointers must have static
// lifetime: the host keeps reading them until the process exits.
struct Descriptor {
  ihp_str key;
  ihp_str name;
  ihp_str version;
  const ihp_str* features = nullptr;
  uint32_t featureCount = 0;
  uint32_t flags = 0;
  const ihp_route* routes = nullptr;
  uint32_t routeCount = 0;
  const ihp_str* pipelineSteps = nullptr;
  uint32_t pipelineStepCount = 0;
  ihp_str pipelineCallbackParam{nullptr, 0};
  uint32_t minHostMinor = 0;  // the lowest host ABI minor this plugin runs on
};

class Plugin {
 public:
  virtual ~Plugin() = default;

  virtual ihp_status handleRequest(Host&, const ihp_request&, Reply&) { return IHP_E_UNSUPPORTED; }
  virtual ihp_status pipelineStep(Host&, const ihp_pipeline_call&, Reply&) { return IHP_E_UNSUPPORTED; }
  virtual ihp_status issueForm(Host&, const ihp_form_call&, Reply&) { return IHP_E_UNSUPPORTED; }
  virtual ihp_status issueAction(Host&, const ihp_form_call&, Reply&) { return IHP_E_UNSUPPORTED; }
  virtual ihp_status configUpdate(Host&, const ihp_config_call&, Reply&) { return IHP_E_UNSUPPORTED; }
  virtual ihp_status configView(Host&, const ihp_config_call&, Reply&) { return IHP_E_UNSUPPORTED; }
  virtual ihp_status handleEvent(Host&, const ihp_event&, Reply&) { return IHP_E_UNSUPPORTED; }
  virtual ihp_status runJob(Host&, const ihp_job&, Reply&) { return IHP_E_UNSUPPORTED; }
  virtual ihp_status uninstall(Host&, const ihp_uninstall_call&, Reply&) { return IHP_E_UNSUPPORTED; }
  // ABI 1.3: are these remote users real? (user mappings)
  virtual ihp_status remoteUsersResolve(Host&, const ihp_remote_users_call&, Reply&) { return IHP_E_UNSUPPORTED; }
};

namespace detail {

// The host table handed to the entry; one per loaded .so (symbols are hidden).
inline const ihp_host_api*& hostApi() {
  static const ihp_host_api* api = nullptr;
  return api;
}

// The 1.0 size of each hook's input: the SDK reads nothing from a smaller
// struct (rule 3), and compares with the minimum rather than sizeof so a
// plugin built against a newer header still runs on an older host.
constexpr size_t minimumSize(const ihp_request*) { return IHP_REQUEST_SIZE_V1_0; }
constexpr size_t minimumSize(const ihp_pipeline_call*) { return IHP_PIPELINE_CALL_SIZE_V1_0; }
constexpr size_t minimumSize(const ihp_form_call*) { return IHP_FORM_CALL_SIZE_V1_0; }
constexpr size_t minimumSize(const ihp_config_call*) { return IHP_CONFIG_CALL_SIZE_V1_0; }
constexpr size_t minimumSize(const ihp_event*) { return IHP_EVENT_SIZE_V1_0; }
constexpr size_t minimumSize(const ihp_job*) { return IHP_JOB_SIZE_V1_0; }
constexpr size_t minimumSize(const ihp_uninstall_call*) { return IHP_UNINSTALL_CALL_SIZE_V1_0; }
constexpr size_t minimumSize(const ihp_remote_users_call*) { return IHP_REMOTE_USERS_CALL_SIZE_V1_3; }

inline bool fingerprintMatches(const ihp_fingerprint& host) {
  const ihp_fingerprint mine = IHP_FINGERPRINT_INIT;
  return host.struct_size >= sizeof(ihp_fingerprint) && host.abi_major == mine.abi_major &&
         host.pointer_size == mine.pointer_size && host.size_t_size == mine.size_t_size &&
         host.byte_order == mine.byte_order;
}

template <class P>
struct Exports {
  static P* self(ihp_plugin* instance) { return reinterpret_cast<P*>(instance); }

  // Runs a hook on the plugin object; an exception answers 500 where a reply exists.
  template <class Call, class Method>
  static ihp_status dispatch(const char* hook, ihp_plugin* instance, ihp_host_ctx* ctx, const Call* call,
                             ihp_reply* rawReply, Method method) noexcept {
    const ihp_host_api* api = hostApi();
    ihp_status status = failClosed(api, ctx, hook, [&]() -> ihp_status {
      if (instance == nullptr || call == nullptr || call->struct_size < minimumSize(call)) return IHP_E_INVALID;
      Host host(api, ctx);
      Reply reply(api, rawReply);
      return (self(instance)->*method)(host, *call, reply);
    });
    if (status == IHP_E_INTERNAL && rawReply != nullptr) api->reply_status(rawReply, 500);
    return status;
  }

  static ihp_status init(const ihp_host_api* api, ihp_host_ctx* ctx, ihp_plugin** instance) noexcept {
    return failClosed(api, ctx, "init", [&]() -> ihp_status {
      if (instance == nullptr) return IHP_E_INVALID;
      Host host(api, ctx);
      *instance = reinterpret_cast<ihp_plugin*>(new P(host));
      return IHP_OK;
    });
  }
  static void shutdown(ihp_plugin* instance) noexcept {
    failClosed(hostApi(), nullptr, "shutdown", [&]() -> ihp_status {
      delete self(instance);
      return IHP_OK;
    });
  }
  static ihp_status handleRequest(ihp_plugin* i, ihp_host_ctx* c, const ihp_request* r, ihp_reply* o) noexcept {
    return dispatch("handle_request", i, c, r, o, &Plugin::handleRequest);
  }
  static ihp_status pipelineStep(ihp_plugin* i, ihp_host_ctx* c, const ihp_pipeline_call* r, ihp_reply* o) noexcept {
    return dispatch("pipeline_step", i, c, r, o, &Plugin::pipelineStep);
  }
  static ihp_status issueForm(ihp_plugin* i, ihp_host_ctx* c, const ihp_form_call* r, ihp_reply* o) noexcept {
    return dispatch("issue_form", i, c, r, o, &Plugin::issueForm);
  }
  static ihp_status issueAction(ihp_plugin* i, ihp_host_ctx* c, const ihp_form_call* r, ihp_reply* o) noexcept {
    return dispatch("issue_action", i, c, r, o, &Plugin::issueAction);
  }
  static ihp_status configUpdate(ihp_plugin* i, ihp_host_ctx* c, const ihp_config_call* r, ihp_reply* o) noexcept {
    return dispatch("config_update", i, c, r, o, &Plugin::configUpdate);
  }
  static ihp_status configView(ihp_plugin* i, ihp_host_ctx* c, const ihp_config_call* r, ihp_reply* o) noexcept {
    return dispatch("config_view", i, c, r, o, &Plugin::configView);
  }
  static ihp_status handleEvent(ihp_plugin* i, ihp_host_ctx* c, const ihp_event* r, ihp_reply* o) noexcept {
    return dispatch("handle_event", i, c, r, o, &Plugin::handleEvent);
  }
  static ihp_status runJob(ihp_plugin* i, ihp_host_ctx* c, const ihp_job* r, ihp_reply* o) noexcept {
    return dispatch("run_job", i, c, r, o, &Plugin::runJob);
  }
  static ihp_status uninstall(ihp_plugin* i, ihp_host_ctx* c, const ihp_uninstall_call* r, ihp_reply* o) noexcept {
    return dispatch("uninstall", i, c, r, o, &Plugin::uninstall);
  }
  static ihp_status remoteUsersResolve(ihp_plugin* i, ihp_host_ctx* c, const ihp_remote_users_call* r,
                                       ihp_reply* o) noexcept {
    return dispatch("remote_users_resolve", i, c, r, o, &Plugin::remoteUsersResolve);
  }

  static const ihp_plugin_api* table(const Descriptor& d) {
    static const ihp_plugin_api api = [&] {
      ihp_plugin_api t{};
      t.struct_size = sizeof t;
      t.fingerprint = IHP_FINGERPRINT_INIT;
      t.key = d.key;
      t.name = d.name;
      t.version = d.version;
      t.features = d.features;
      t.feature_count = d.featureCount;
      t.flags = d.flags;
      t.routes = d.routes;
      t.route_count = d.routeCount;
      t.pipeline_steps = d.pipelineSteps;
      t.pipeline_step_count = d.pipelineStepCount;
      t.pipeline_callback_param = d.pipelineCallbackParam;
      t.init = &init;
      t.shutdown = &shutdown;
      t.handle_request = &handleRequest;
      t.pipeline_step = &pipelineStep;
      t.issue_form = &issueForm;
      t.issue_action = &issueAction;
      t.config_update = &configUpdate;
      t.config_view = &configView;
      t.handle_event = &handleEvent;
      t.run_job = &runJob;
      t.uninstall = &uninstall;
      t.remote_users_resolve = &remoteUsersResolve;
      return t;
    }();
    return &api;
  }

  // Negotiates first (Vulkan-style), then checks the fingerprint, then hands
  // out the table. Never throws: the plugin's descriptor function and the
  // table it fills may (they build strings), and an exception leaving this
  // noexcept entry would end the host, which should only refuse the plugin.
  static ihp_status entry(ihp_entry_args* args, const Descriptor& (*descriptor)()) noexcept {
    try {
      return negotiate(args, descriptor);
    } catch (...) {
      return IHP_E_INTERNAL;
    }
  }

 private:
  static ihp_status negotiate(ihp_entry_args* args, const Descriptor& (*descriptor)()) {
    if (args == nullptr || args->struct_size < IHP_ENTRY_ARGS_SIZE_V1_0) return IHP_E_INCOMPATIBLE;
    const Descriptor& d = descriptor();
    args->plugin_abi_major = IHP_ABI_MAJOR;
    args->plugin_min_minor = d.minHostMinor;
    if (args->host_abi_major != IHP_ABI_MAJOR || args->host_abi_minor < d.minHostMinor) return IHP_E_INCOMPATIBLE;
    if (!fingerprintMatches(args->host_fingerprint)) return IHP_E_INCOMPATIBLE;
    if (args->host_api == nullptr || args->host_api->struct_size < IHP_HOST_API_SIZE_V1_0) return IHP_E_INCOMPATIBLE;
    args->negotiated_minor = args->host_abi_minor < IHP_ABI_MINOR ? args->host_abi_minor : IHP_ABI_MINOR;
    negotiatedMinor() = args->negotiated_minor;
    hostApi() = args->host_api;
    args->plugin_api = table(d);
    return IHP_OK;
  }
};

}  // namespace detail
}  // namespace ihp::sdk

// Defines the plugin's single exported symbol for class PluginClass, whose
// Descriptor comes from `descriptorFunction` (a function returning
// const ihp::sdk::Descriptor&).
#define IHP_DEFINE_PLUGIN(PluginClass, descriptorFunction)                                 \
  extern "C" IHP_EXPORT ihp_status ihp_plugin_entry(ihp_entry_args* args) {                \
    return ::ihp::sdk::detail::Exports<PluginClass>::entry(args, &descriptorFunction);     \
  }
