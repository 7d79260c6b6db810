// host/common/durability.cpp - see durability.h.
#include "common/durability.h"

#include <utility>

namespace ih::host {

namespace {

struct OwedDurability {
  std::shared_ptr<DurabilityBarrier> barrier;
  uint64_t sequence = 0;
};

thread_local OwedDurability owedByThisThread;

}  // namespace

void oweDurability(const std::shared_ptr<DurabilityBarrier>& barrier, uint64_t sequence) {
  if (!barrier) return;
  if (owedByThisThread.barrier && owedByThisThread.barrier != barrier) settleOwedDurability();
  owedByThisThread.barrier = barrier;
  if (sequence > owedByThisThread.sequence) owedByThisThread.sequence = sequence;
}

void settleOwedDurability() {
  OwedDurability owed = std::exchange(owedByThisThread, OwedDurability{});
  if (owed.barrier) owed.barrier->awaitDurable(owed.sequence);
}

void forgetOwedDurability() noexcept { owedByThisThread = OwedDurability{}; }

}  // namespace ih::host
