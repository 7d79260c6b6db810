// host/common/durability.cpp - see durability.h.
#include "common/durability.h"

#include <utility>

namespace ih::host {

namespace {

thread_local DurabilityDebt owedByThisThread;

}  // namespace

void oweDurability(const std::shared_ptr<DurabilityBarrier>& barrier, uint64_t sequence) {
  if (!barrier) return;
  if (owedByThisThread.barrier && owedByThisThread.barrier != barrier) settleOwedDurability();
  owedByThisThread.barrier = barrier;
  if (sequence > owedByThisThread.sequence) owedByThisThread.sequence = sequence;
}

void settleOwedDurability() { std::exchange(owedByThisThread, DurabilityDebt{}).settle(); }

void forgetOwedDurability() noexcept { owedByThisThread = DurabilityDebt{}; }

DurabilityDebt takeOwedDurability() noexcept { return std::exchange(owedByThisThread, DurabilityDebt{}); }

}  // namespace ih::host
