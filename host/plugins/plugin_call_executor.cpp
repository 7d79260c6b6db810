// host/plugins/plugin_call_executor.cpp - see plugin_call_executor.h.
#include "plugins/plugin_call_executor.h"

#include <Poco/Logger.h>

#include <algorithm>

#include "common/blocking_section.h"
#include "common/early_answer.h"
#include "common/errors.h"
#include "ops/metrics.h"
#include "storage/unit_of_work.h"

namespace ih::host::plugins {

namespace {

constexpr const char* kAbandoned = "ih_plugin_calls_abandoned_total";
constexpr const char* kStuck = "ih_plugin_calls_stuck";
constexpr const char* kThreads = "ih_plugin_call_threads";

// A call still running after this is declared a wait (BlockingSection).
constexpr std::chrono::milliseconds kQuickCall{10};
// Abandoned calls still inside plugins past which calls no longer run
// inline: each keeps an HTTP loop thread (io_loops.h makes room for them).
constexpr int kInlineStuckLimit = 32;
constexpr const char* kNotInTime = "The integration's plugin did not answer in time.";

Poco::Logger& callLogger() { return Poco::Logger::get("plugins"); }

ThreadPool::Options poolOptions(const PluginCallPolicy& policy) {
  ThreadPool::Options o;
  o.threads = policy.threads < 1 ? 1 : policy.threads;
  o.maxQueued = 4096;  // queued calls time out at their deadline anyway
  o.keepThreads = 2;
  return o;
}

long long millisecondsPast(std::chrono::steady_clock::time_point deadline) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - deadline).count();
}

struct PluginOutcome {
  ihp_status status = IHP_E_INTERNAL;
  bool threw = false;
};

PluginOutcome callPlugin(HookCall& call) {
  PluginOutcome outcome;
  ++*call.running;
  try {
    outcome.status = call.body(&call.ctx, &call.reply);
  } catch (...) {
    outcome.threw = true;  // defence in depth: plugins must not throw across the C ABI
  }
  --*call.running;
  return outcome;
}

void logLateReturn(const HookCall& call) {
  callLogger().warning("plugin %s: hook %s returned %s ms after its deadline; its answer was dropped",
                       call.plugin->key, std::string(call.hook), std::to_string(millisecondsPast(call.deadline)));
}

}  // namespace

// What pool threads share with the executor; it outlives the executor when
// a stuck call returns after the host began to stop.
struct PluginCallExecutor::Shared {
  std::atomic<int> stuck{0};
};

PluginCallExecutor::PluginCallExecutor(ops::Metrics& metrics, PluginCallPolicy policy)
    : metrics_(metrics),
      policy_(policy),
      shared_(std::make_shared<Shared>()),
      pool_(poolOptions(policy)),
      watch_(
          kQuickCall, [this](const std::shared_ptr<HookCall>& call) { declareInlineWait(call); },
          [this](const std::shared_ptr<HookCall>& call) {
            // Closing a gate waits for the storage call in progress, which
            // may wait for the writer lock another abandoned call holds until
            // its own abandonment: each abandons on a pool thread, never
            // one after the other on the watcher's.
            if (!pool_.trySubmit([this, call] { abandonInline(call); })) abandonInline(call);
          }) {
  metrics_.describe(kAbandoned,
                    "Plugin hook calls abandoned at their deadline (the caller got 503), by plugin and hook.");
  metrics_.describe(kStuck, "Abandoned plugin hook calls whose plugin code has not returned yet.");
  metrics_.describe(kThreads, "Threads of the plugin-call pool.");
  metrics_.gaugeCallback(kStuck, [shared = shared_] { return static_cast<double>(shared->stuck.load()); });
  metrics_.gaugeCallback(kThreads, [this] { return static_cast<double>(pool_.threadCount()); });
}

PluginCallExecutor::~PluginCallExecutor() {
  metrics_.removeGaugeCallback(kStuck);
  metrics_.removeGaugeCallback(kThreads);
  stop(std::chrono::milliseconds(0));
}

void PluginCallExecutor::run(const std::shared_ptr<HookCall>& call) {
  call->deadline = std::chrono::steady_clock::now() + policy_.timeout;
  call->ctx.gate = &call->gate;
  if (canRunInline(*call)) return runInline(call);
  if (!pool_.trySubmit([call, shared = shared_] { runOnPoolThread(call, shared); })) {
    throw ServiceUnavailableError("The integration's plugin is not taking calls right now.");
  }
  auto finished = [&] { return call->state == HookCall::State::Finished; };
  std::unique_lock lock(call->mutex);
  // Most hooks answer within milliseconds. Past that the caller declares that
  // it waits, so an HTTP loop gets a helper and serves its other connections.
  const auto patience = std::min(call->deadline, std::chrono::steady_clock::now() + kQuickCall);
  if (call->finished.wait_until(lock, patience, finished)) return;
  {
    BlockingSection waiting;
    if (call->finished.wait_until(lock, call->deadline, finished)) return;
  }
  lock.unlock();
  call->gate.abandon();  // from here on the plugin cannot reach the caller's unit of work
  lock.lock();
  if (call->state == HookCall::State::Finished) return;  // it returned while the gate closed
  const bool insidePlugin = call->state == HookCall::State::Running;
  call->state = HookCall::State::Abandoned;
  lock.unlock();
  noteAbandoned(*call, insidePlugin);
  throw ServiceUnavailableError(kNotInTime);
}

void PluginCallExecutor::noteAbandoned(const HookCall& call, bool insidePlugin) {
  if (insidePlugin) ++shared_->stuck;
  metrics_.increment(kAbandoned, {{"plugin", call.plugin->key}, {"hook", call.hook}});
  callLogger().warning("plugin %s: hook %s passed its deadline of %s ms; answered 503 and rolled back%s",
                       call.plugin->key, std::string(call.hook), std::to_string(policy_.timeout.count()),
                       std::string(insidePlugin ? " (the call keeps its thread until the plugin returns)" : ""));
}

bool PluginCallExecutor::canRunInline(const HookCall& call) const {
  return policy_.inlineCalls && call.serialise == nullptr && EarlyAnswerScope::current() != nullptr &&
         BlockingSection::current() != nullptr && shared_->stuck.load() < kInlineStuckLimit;
}

void PluginCallExecutor::runInline(const std::shared_ptr<HookCall>& call) {
  call->callerLoop = BlockingSection::current();
  call->earlyAnswer = EarlyAnswerScope::current();
  call->state = HookCall::State::Running;
  const InlineCallWatch::Ticket ticket = watch_.watch(call);
  const PluginOutcome outcome = callPlugin(*call);
  watch_.unwatch(ticket);
  std::lock_guard lock(call->mutex);
  if (call->declaredWaiting) call->callerLoop->blockingEnds();
  if (call->state == HookCall::State::Abandoned) {
    // The client has its 503 and the unit of work is rolled back
    // (abandonInline); the caller unwinds without answering.
    --shared_->stuck;
    logLateReturn(*call);
    throw ServiceUnavailableError(kNotInTime);
  }
  call->status = outcome.status;
  call->threw = outcome.threw;
  call->state = HookCall::State::Finished;
}

void PluginCallExecutor::declareInlineWait(const std::shared_ptr<HookCall>& call) {
  std::lock_guard lock(call->mutex);
  if (call->state != HookCall::State::Running || call->declaredWaiting) return;
  call->declaredWaiting = true;
  call->callerLoop->blockingBegins();
}

void PluginCallExecutor::abandonInline(const std::shared_ptr<HookCall>& call) {
  call->gate.abandon();  // from here on the plugin cannot reach the caller's unit of work
  // Under the call's lock: the caller, when the plugin returns, finds the
  // call abandoned only once its work is rolled back and its client answered.
  std::lock_guard lock(call->mutex);
  if (call->state != HookCall::State::Running) return;  // it returned while the gate closed
  call->state = HookCall::State::Abandoned;
  try {
    // Frees the writer lock now, not when the plugin returns, and where the
    // caller allows it the database connection too.
    if (call->ownedWork != nullptr) {
      call->ownedWork->reset();
    } else if (call->ctx.uow != nullptr) {
      call->ctx.uow->rollback();
    }
  } catch (const std::exception& e) {
    callLogger().error("plugin %s: rolling back an abandoned call's work failed: %s", call->plugin->key,
                       std::string(e.what()));
  }
  noteAbandoned(*call, /*insidePlugin=*/true);
  call->earlyAnswer->answerUnavailable(kNotInTime);
}

void PluginCallExecutor::runOnPoolThread(const std::shared_ptr<HookCall>& call, const std::shared_ptr<Shared>& shared) {
  std::unique_lock<PluginTurn> serial;
  if (call->serialise) {
    serial = std::unique_lock(*call->serialise, std::defer_lock);
    if (!serial.try_lock_until(call->deadline)) return;  // the caller gives up at the same deadline
  }
  {
    std::lock_guard lock(call->mutex);
    if (call->state != HookCall::State::Queued) return;  // abandoned while it waited for a thread
    call->state = HookCall::State::Running;
  }
  const PluginOutcome outcome = callPlugin(*call);
  std::lock_guard lock(call->mutex);
  if (call->state == HookCall::State::Abandoned) {
    --shared->stuck;
    logLateReturn(*call);
    return;
  }
  call->status = outcome.status;
  call->threw = outcome.threw;
  call->state = HookCall::State::Finished;
  call->finished.notify_all();
}

int PluginCallExecutor::stuckCalls() const { return shared_->stuck.load(); }

int PluginCallExecutor::stop(std::chrono::milliseconds grace) {
  pool_.stop(grace);
  return shared_->stuck.load();
}

}  // namespace ih::host::plugins
