// host/plugins/loaded_plugin.h - one plugin that passed every load check, and
// the C++ side of calling its hooks.
//
// Each call builds an ihp_host_ctx bound to the caller's unit of work (so the
// plugin's storage writes and enqueued jobs commit with the caller), an
// ihp_reply builder, and lends the plugin strings the call itself owns. The
// hook runs on the plugin-call pool under a deadline (plugin_call_executor.h):
// past it the caller gets ServiceUnavailableError and must roll back. Calls
// into a plugin that did not declare IHP_PLUGIN_THREAD_SAFE are serialised by
// a per-plugin turn (plugin_turn.h). A hook the plugin does not provide answers
// IHP_E_UNSUPPORTED. Unknown status codes are treated as IHP_E_PERMANENT. A
// reply the host refuses to pass on (a header that is not valid HTTP) turns
// into IHP_E_INTERNAL / 500. Thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ihp/plugin_abi.h"
#include "plugins/plugin_turn.h"
#include "storage/unit_of_work.h"

namespace ih::host::plugins {

struct HostServices;

struct PluginRoute {
  std::string method;
  std::string pathPattern;  // e.g. /extensions/jira-server/issue-updated/{token}/
  int32_t access = IHP_ROUTE_PUBLIC;
};

struct PluginInfo {
  std::string key;
  std::string name;
  std::string version;
  std::string abiVersion;  // negotiated, "1.0"
  std::vector<std::string> features;
  bool threadSafe = false;
  std::vector<PluginRoute> routes;
  std::vector<std::string> pipelineSteps;
  std::string pipelineCallbackParam;  // empty = no browser callback
  std::string path;                   // the .so it came from
};

// What a hook returned, copied out of the ihp_reply builder.
struct HookReply {
  ihp_status status = IHP_OK;
  int32_t httpStatus = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::optional<std::string> error;
  std::optional<int64_t> retryAfterMs;
  std::optional<std::string> pipelineState;
  std::optional<std::string> pipelineRef;
  // Why the host refused to pass this reply on (e.g. a header with a CR/LF).
  std::optional<std::string> rejected;
  // reply_defer: the plugin asked for the request to be kept and applied later.
  bool deferred = false;
};

// Who a hook call is for; the ctx the plugin sees is derived from it.
struct CallScope {
  storage::UnitOfWork& uow;
  int64_t organizationId = 0;
  int64_t userId = 0;
  int64_t jobId = 0;  // the durable job being run, 0 for every other call
  // The caller's ownership of `uow`, when it lets the plugin-call watcher end
  // the unit of work (roll back, give its database connection back) at an
  // inline call's deadline, while the caller's thread is still inside the
  // plugin; the caller must not touch `uow` after a ServiceUnavailableError.
  // Null: the watcher only rolls back, and the connection comes back when
  // the plugin returns.
  std::unique_ptr<storage::UnitOfWork>* ownedWork = nullptr;
};

struct PluginRequest {
  size_t routeIndex = 0;
  std::string method;
  std::string path;
  std::string query;
  std::vector<std::pair<std::string, std::string>> headers;  // names lowercase
  std::vector<std::pair<std::string, std::string>> pathParams;
  std::string body;
  uint32_t phase = IHP_REQUEST_PHASE_INLINE;
};

struct PipelineStepCall {
  uint32_t stepIndex = 0;
  std::string stateJson = "{}";
  std::string inputJson = "{}";
};

class PluginCallExecutor;

class LoadedPlugin {
 public:
  // Called by the loader once the entry, versions, fingerprint and tables
  // checked out; `instance` comes from the plugin's init. `api` is the
  // loader's zero-filled, full-size host copy of the plugin's table (only the
  // prefix the plugin's struct_size covers was copied from the plugin); the
  // plugin keeps its own copy in table_.
  LoadedPlugin(PluginInfo info, const ihp_plugin_api* api, ihp_plugin* instance, HostServices& services,
               PluginCallExecutor& calls);
  // Calls the plugin's shutdown, unless a call abandoned at its deadline is
  // still inside the plugin (shutdown must run after every hook returned).
  ~LoadedPlugin();

  const PluginInfo& info() const { return *info_; }
  // Hook calls whose plugin code is running now, abandoned ones included.
  int callsInside() const { return running_->load(); }

  HookReply handleRequest(CallScope& scope, PluginRequest request);
  HookReply pipelineStep(CallScope& scope, const PipelineStepCall& call);
  HookReply issueForm(CallScope& scope, int32_t form, const std::string& contextJson);
  HookReply issueAction(CallScope& scope, int32_t form, const std::string& contextJson, const std::string& inputJson);
  HookReply configUpdate(CallScope& scope, int64_t integrationId, const std::string& storedJson,
                         const std::string& patchJson);
  HookReply configView(CallScope& scope, int64_t integrationId, const std::string& storedJson);
  HookReply handleEvent(CallScope& scope, int32_t type, const std::string& eventJson, uint32_t attempt);
  HookReply runJob(CallScope& scope, int64_t jobId, const std::string& kind, const std::string& payloadJson,
                   uint32_t attempt);
  // ABI 1.3; IHP_E_UNSUPPORTED from a plugin table without it.
  HookReply remoteUsersResolve(CallScope& scope, int64_t integrationId, const std::string& usersJson);
  HookReply uninstall(CallScope& scope, int64_t integrationId, const std::string& integrationJson,
                      const std::string& credentialsJson, uint32_t attempt);

 private:
  using HookBody = std::function<ihp_status(ihp_host_ctx*, ihp_reply*)>;
  template <class Call>
  using HookFn = ihp_status (*)(ihp_plugin*, ihp_host_ctx*, const Call*, ihp_reply*);
  // The one path into the plugin: see loaded_plugin.cpp. `body` owns the
  // call's arguments and calls the hook; provided = the plugin has the hook.
  HookReply invoke(const char* hook, bool provided, CallScope& scope, HookBody body);
  // issue_form (no input) and issue_action share their call, as do
  // config_view (no patch) and config_update.
  HookBody formBody(HookFn<ihp_form_call> fn, int32_t form, const std::string& contextJson,
                    std::optional<std::string> inputJson) const;
  HookBody configBody(HookFn<ihp_config_call> fn, const CallScope& scope, int64_t integrationId,
                      const std::string& storedJson, std::optional<std::string> patchJson) const;

  std::shared_ptr<const PluginInfo> info_;  // shared with calls that outlive their deadline
  ihp_plugin_api table_;
  const ihp_plugin_api* api_;
  ihp_plugin* instance_;
  HostServices& services_;
  PluginCallExecutor& calls_;
  // Shared with each call for the same reason; the lock is taken only when
  // the plugin is not thread-safe.
  std::shared_ptr<PluginTurn> serialise_ = std::make_shared<PluginTurn>();
  std::shared_ptr<std::atomic<int>> running_ = std::make_shared<std::atomic<int>>(0);
};

}  // namespace ih::host::plugins
