// host/plugins/host_call_context.h - the concrete types behind the ABI's
// opaque handles: ihp_host_ctx (who is calling, which unit of work the call's
// writes join) and ihp_reply (the result builder a hook fills).
//
// Both live for exactly one hook call, in the call's shared state (see
// plugin_call_executor.h), so a call that outlives its deadline still has
// them; plugins only ever see pointers to them and must not keep those after
// the call returns.
#pragma once

#include <cstdint>

#include "ihp/plugin_abi.h"
#include "plugins/call_gate.h"
#include "plugins/loaded_plugin.h"

namespace ih::host::plugins {
struct HostServices;
}

struct ihp_host_ctx {
  const ih::host::plugins::PluginInfo* plugin = nullptr;
  ih::host::plugins::HostServices* services = nullptr;
  ih::host::storage::UnitOfWork* uow = nullptr;  // NULL only outside a unit of work
  int64_t organizationId = 0;
  int64_t userId = 0;
  int64_t jobId = 0;  // set while a job hook runs (see CallScope)
  // Set for hook calls made under a deadline: every use of `uow` passes it.
  ih::host::plugins::CallGate* gate = nullptr;
};

struct ihp_reply {
  ih::host::plugins::HookReply result;
};

namespace ih::host::plugins {

inline ihp_host_ctx makeHostContext(const PluginInfo& plugin, HostServices& services, const CallScope& scope) {
  ihp_host_ctx ctx;
  ctx.plugin = &plugin;
  ctx.services = &services;
  ctx.uow = &scope.uow;
  ctx.organizationId = scope.organizationId;
  ctx.userId = scope.userId;
  ctx.jobId = scope.jobId;
  return ctx;
}

}  // namespace ih::host::plugins
