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
// turn (plugin_turn.h) on the pool thread, under the same deadline: a call
// queued behind a stuck one gives up at its deadline instead of piling up.
//
// Calls into a thread-safe plugin made while an HTTP request is dispatched on
// an I/O loop's thread run inline instead, on that thread: no hand-off, no
// wake-up (the pool's two per call were most of a no-op webhook's cost). The
// watcher (inline_call_watch.h) bounds them the same way: past 10 ms it
// declares the wait on the caller's behalf, so the loop gets a helper thread
// and serves its other connections; at the deadline it closes the gate,
// rolls the caller's unit of work back, answers the client 503 through the
// front (common/early_answer.h) and leaves the thread inside the plugin, the
// loop being served by its helper from then on. Once kInlineStuckLimit
// abandoned calls are still inside plugins, calls go to the pool again, whose
// own cap bounds them. Job workers, which have no loop to hand over, always
// use the pool. Thread-safe.
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
#include "plugins/inline_call_watch.h"
#include "plugins/plugin_turn.h"

namespace ih::host {
class BlockingAware;
class EarlyAnswer;
}  // namespace ih::host

namespace ih::host::ops {
class Metrics;
}

namespace ih::host::plugins {

struct PluginCallPolicy {
  std::chrono::milliseconds timeout{10000};  // --plugin-call-timeout-ms
  // Pool threads, stuck calls included. Healthy callers never exceed the
  // host's HTTP and job workers, so the rest is room for stuck calls.
  size_t threads = 96;
  // Calls into thread-safe plugins from an HTTP loop run on the loop's
  // thread (--plugin-calls-inline).
  bool inlineCalls = true;
};

// One hook call, shared by the caller and the pool thread that runs it, so
// everything the plugin may still touch after the deadline stays alive.
struct HookCall {
  using Body = std::function<ihp_status(ihp_host_ctx*, ihp_reply*)>;

  const char* hook = "";
  std::shared_ptr<const PluginInfo> plugin;
  Body body;                                    // owns its arguments; calls the plugin's hook
  std::shared_ptr<PluginTurn> serialise;      // null for thread-safe plugins
  std::shared_ptr<std::atomic<int>> running;  // the plugin's calls inside its code
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

  // Set for a call run inline on its caller's thread:
  BlockingAware* callerLoop = nullptr;  // told of the wait once the call is slow
  EarlyAnswer* earlyAnswer = nullptr;   // answers the caller's client at the deadline
  bool declaredWaiting = false;         // guarded by mutex
  // The caller's ownership of ctx.uow (CallScope::ownedWork), or null.
  std::unique_ptr<storage::UnitOfWork>* ownedWork = nullptr;
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
  bool canRunInline(const HookCall& call) const;
  void runInline(const std::shared_ptr<HookCall>& call);
  // The watcher's handlers (its thread).
  void declareInlineWait(const std::shared_ptr<HookCall>& call);
  void abandonInline(const std::shared_ptr<HookCall>& call);
  // Counts, logs and (inside the plugin) marks the call stuck.
  void noteAbandoned(const HookCall& call, bool insidePlugin);

  ops::Metrics& metrics_;
  PluginCallPolicy policy_;
  std::shared_ptr<Shared> shared_;
  ThreadPool pool_;
  InlineCallWatch watch_;  // last: its thread calls into the members above
};

}  // namespace ih::host::plugins
