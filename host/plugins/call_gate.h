// host/plugins/call_gate.h - keeps a hook call that passed its deadline away
// from its caller's unit of work.
//
// A hook runs on a plugin-call thread while its caller waits (see
// plugin_call_executor.h). Every host service that touches the caller's unit
// of work enters the call's gate first and leaves it when the service returns
// (GateLease, held by host_api_guard.h's guarded()). At the deadline the
// caller abandons the gate: it waits for a service call in progress to end
// (bounded by the database's own lock timeout), and from then on every
// storage service of that hook call fails with IHP_E_TIMEOUT, so the caller
// can roll its unit of work back and answer 503 while the plugin is still
// running. Thread-safe.
#pragma once

#include <mutex>
#include <stdexcept>

namespace ih::host::plugins {

// Thrown by GateLease::hold() once the call was abandoned.
class CallAbandoned : public std::runtime_error {
 public:
  CallAbandoned() : std::runtime_error("the hook call passed its deadline; its unit of work is gone") {}
};

class CallGate {
 public:
  // The plugin's side: false (and nothing held) once abandoned.
  bool enter();
  void leave();
  // The caller's side, at the deadline; for good.
  void abandon();

 private:
  std::mutex mutex_;
  bool abandoned_ = false;
};

// One per host service call, on the plugin's thread: releases the gate that
// hold() entered during that call.
class GateLease {
 public:
  GateLease();
  ~GateLease();
  GateLease(const GateLease&) = delete;
  GateLease& operator=(const GateLease&) = delete;

  // Enters `gate` for the rest of the current service call (once per call);
  // throws CallAbandoned when the hook call was abandoned, std::logic_error
  // outside a service call.
  static void hold(CallGate& gate);

 private:
  GateLease* outer_;
  CallGate* held_ = nullptr;
};

}  // namespace ih::host::plugins
