// host/common/durability.h - the promise behind an acknowledgement: a commit
// the storage made but has not yet forced to disk is "owed" by the thread
// that committed it, and whoever answers the request settles the debt (waits
// until that commit is durable) before the answer leaves the host.
//
// Why a thread-local debt rather than a value passed around: units of work
// are committed deep inside handlers and plugin dispatch, while the answer is
// sent by the HTTP dispatcher; one request is answered on the thread that
// committed its writes (http/io_loops.h), so the thread is the request. A
// thread that commits but answers nothing (a job worker) just keeps a debt
// nobody waits for, which costs nothing.
#pragma once

#include <cstdint>
#include <memory>

namespace ih::host {

// Something that can make a committed sequence number durable (storage's
// group commit). awaitDurable() returns once every commit up to `sequence`
// is on disk and throws (std::runtime_error) when that cannot be promised.
class DurabilityBarrier {
 public:
  virtual ~DurabilityBarrier() = default;
  virtual void awaitDurable(uint64_t sequence) = 0;
};

// Records that this thread committed `sequence` on `barrier` and owes its
// durability. A later commit on the same barrier raises the debt; a commit on
// another barrier first settles the older debt.
void oweDurability(const std::shared_ptr<DurabilityBarrier>& barrier, uint64_t sequence);

// Waits until everything this thread owes is durable, then clears the debt.
// Returns at once when the thread owes nothing (a request that wrote nothing).
// Throws what the barrier throws; the debt is cleared either way.
void settleOwedDurability();

// Drops the debt without waiting (the answer promises nothing: an error).
void forgetOwedDurability() noexcept;

// A debt taken off the thread that owes it, to be settled on another: the
// webhook inbox's writer hands each batch's debt to its syncing thread and
// goes on storing the next batch while that one's fsync runs.
struct DurabilityDebt {
  std::shared_ptr<DurabilityBarrier> barrier;
  uint64_t sequence = 0;
  // Waits as settleOwedDurability() does; throws what the barrier throws.
  void settle() const {
    if (barrier) barrier->awaitDurable(sequence);
  }
};
// This thread's debt, which it then no longer owes.
DurabilityDebt takeOwedDurability() noexcept;

}  // namespace ih::host
