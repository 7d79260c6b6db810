// host/plugins/call_gate.cpp - see call_gate.h.
#include "plugins/call_gate.h"

namespace ih::host::plugins {

namespace {

// The service call running on this thread (services do not nest, but the
// lease chain keeps that assumption from mattering).
thread_local GateLease* currentLease = nullptr;

}  // namespace

bool CallGate::enter() {
  mutex_.lock();
  if (!abandoned_) return true;
  mutex_.unlock();
  return false;
}

void CallGate::leave() { mutex_.unlock(); }

void CallGate::abandon() {
  std::lock_guard lock(mutex_);
  abandoned_ = true;
}

GateLease::GateLease() : outer_(currentLease) { currentLease = this; }

GateLease::~GateLease() {
  if (held_ != nullptr) held_->leave();
  currentLease = outer_;
}

void GateLease::hold(CallGate& gate) {
  GateLease* lease = currentLease;
  if (lease == nullptr) throw std::logic_error("a host service touched the unit of work outside guarded()");
  if (lease->held_ == &gate) return;
  if (lease->held_ != nullptr) throw std::logic_error("a host service call entered two call gates");
  if (!gate.enter()) throw CallAbandoned();
  lease->held_ = &gate;
}

}  // namespace ih::host::plugins
