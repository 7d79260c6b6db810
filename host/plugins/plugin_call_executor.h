// host/plugins/plugin_call_executor.h - runs plugin hook calls on a thread
// pool of their own, each under a deadline, so a plugin that hangs can
// neither freeze the thread that called it nor the host.
//
// The caller (an HTTP worker, a job worker) hands a HookCall over and waits
// until it finishes or its deadline passes. Past the deadline the call is
// abandoned: its gate closes (call_gate.h: the plugin can no longer touch the
// caller's unit of work, which the caller then rolls back), its reply is
// dropped, and the caller gets ServiceUnavailableError (503). A native call
// cannot be killed: the abandoned call keeps its pool thread until the plugin
// returns, and the pool grows a replacement up to PluginCallPolicy::threads,
// so abandoned calls cannot take the threads that serve healthy ones until
// that many are stuck at once. Metrics: ih_plugin_calls_abandoned_total
// {plugin,hook}, ih_plugin_calls_stuck (abandoned calls still running),
// ih_plugin_call_threads. Process isolation (surviving a plugin that crashes)
// is a later step; a segfault in a plugin still ends the host.
//
// Calls into a plugin without IHP_PLUGIN_THREAD_SAFE take the plugin's
// serialisation lock on the pool thread, under the same deadline: a call
// queued behind a stuck one gives up at its deadline instead of piling up.
// Thread-safe.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>

#include "common/thread_pool.h"
#include "plugins/host_call_context.h"

namespace ih::host::ops {
class Metrics;
}

namespace ih::host::plugins {

struct PluginCallPolicy {
  std::chrono::milliseconds timeout{10000};  // --plugin-call-timeout-ms
  // Pool threads, stuck calls included. Healthy callers never exceed the
  // host's HTTP and job workers, so the rest is room for stuck calls.
  size_t threads = 96;
};

// One hook call, shared by the caller and the pool thread that runs it, so
// everything the plugin may still touch after the deadline stays alive.
struct HookCall {
  using Body = std::function<ihp_status(ihp_host_ctx*, ihp_reply*)>;

  const char* hook = "";
  std::shared_ptr<const PluginInfo> plugin;
  Body body;                                    // owns its arguments; calls the plugin's hook
  std::shared_ptr<std::timed_mutex> serialise;  // null for thread-safe plugins
  std::shared_ptr<std::atomic<int>> running;    // the plugin's calls inside its code
  ihp_host_ctx ctx;
  ihp_reply reply;
  CallGate gate;
  // Set once finished:
  ihp_status status = IHP_OK;
  bool threw = false;

  // The hand-over between the caller and the pool thread.
  enum class State { Queued, Running, Finished, Abandoned };
  std::mutex mutex;
  std::condition_variable finished;
  State state = State::Queued;
  std::chrono::steady_clock::time_point deadline;
};

class PluginCallExecutor {
 public:
  PluginCallExecutor(ops::Metrics& metrics, PluginCallPolicy policy);
  ~PluginCallExecutor();
  PluginCallExecutor(const PluginCallExecutor&) = delete;
  PluginCallExecutor& operator=(const PluginCallExecutor&) = delete;

  const PluginCallPolicy& policy() const { return policy_; }

  // Runs the call and returns once it finished (call.status, call.reply,
  // call.threw are set). Throws ServiceUnavailableError when its deadline
  // passed first, or when no pool thread can take it.
  void run(const std::shared_ptr<HookCall>& call);

  // Abandoned calls whose plugin code has not returned yet.
  int stuckCalls() const;
  // Refuses new calls, waits up to `grace` for the running ones; answers the
  // number still stuck in plugin code (their threads are left to finish).
  int stop(std::chrono::milliseconds grace);

 private:
  struct Shared;
  static void runOnPoolThread(const std::shared_ptr<HookCall>& call, const std::shared_ptr<Shared>& shared);

  ops::Metrics& metrics_;
  PluginCallPolicy policy_;
  std::shared_ptr<Shared> shared_;
  ThreadPool pool_;
};

}  // namespace ih::host::plugins
