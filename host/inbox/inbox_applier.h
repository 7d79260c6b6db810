// host/inbox/inbox_applier.h - applies the webhook inbox: the requests a
// plugin accepted for later (ihp_request.phase ACCEPT + reply_defer), which
// the host stored and acknowledged before applying them.
//
// Why: a webhook sender such as Jira never retries, so the acknowledgement
// must wait for the disk but need not wait for the work; and the work, done
// many requests per transaction, costs one commit per batch instead of one
// per request.
//
// One thread per host on SQLite, several on PostgreSQL (InboxOptions::appliers).
// They wake when this host stores a request, and poll
// (`pollInterval`) for the rest: requests another host stored and could not
// apply before it died, and retries that have come due. A batch is taken in
// arrival order and applied in one transaction that also deletes it, so a
// request is applied exactly once even when a host dies mid-batch (the
// transaction rolls back and another host takes the rows). On PostgreSQL
// several hosts apply disjoint batches at once (SKIP LOCKED); the order of
// two changes to one ticket then rests on the plugin's newest-change-wins
// rule, as it does for Jira's own out-of-order deliveries.
//
// A request whose application fails (plugin status not IHP_OK, an HTTP
// status of 500 or more, an exception) rolls its batch back; the batch is
// then applied one request per transaction, and the failing one is retried
// with a growing delay, up to `maxAttempts`, after which it is kept as dead
// (`webhook_inbox.dead`) and logged, never silently dropped.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace ih::host {
class Clock;
namespace ops { class Metrics; }
namespace plugins { class PluginRegistry; }
namespace storage {
class Database;
class RowSealer;
class UnitOfWork;
struct InboxRequest;
}  // namespace storage
}  // namespace ih::host

namespace ih::host::inbox {

class InboxAppender;

struct InboxOptions {
  // Applying threads. One on SQLite, whose one writer they would take turns
  // on; on PostgreSQL each statement is a round trip, and threads applying
  // disjoint batches (SKIP LOCKED) keep the server busy while others wait.
  int appliers = 1;
  size_t batchSize = 64;
  // On SQLite a batch holds the one writer, which every acknowledgement also
  // needs: a batch stops taking requests after this long.
  std::chrono::milliseconds batchBudget{2};
  // Where appliers wait for each other's row locks (PostgreSQL), a batch of
  // several requests waits at most this long for one, then falls back to a
  // transaction per request. Two batches can lock the same two tickets in
  // opposite orders; the server would break that cycle only after its
  // deadlock_timeout (a second), which a bound well above a batch's budget
  // turns into a short stall. 0: no bound.
  std::chrono::milliseconds batchLockWait{0};
  std::chrono::milliseconds pollInterval{1000};
  // Acknowledgements go first: while some wait to be stored, the applier
  // leaves the database to them, unless this many stored requests are
  // still to apply (then it catches up, and acknowledgements slow down).
  uint64_t yieldBelowBacklog = 50000;
  // And on SQLite, where a batch holds the writer an acknowledgement needs,
  // a batch ends early once one waits (after the request being applied).
  bool yieldWithinBatch = true;
  int maxAttempts = 8;
  int64_t firstRetryDelayMs = 1000;
  int64_t maxRetryDelayMs = 5 * 60 * 1000;
  // The host's key: each stored request's path, query and headers are sealed
  // with it (a webhook's path carries its token; storage/inbox_repository.h).
  // None: stored as they came (tests of other things).
  const storage::RowSealer* sealer = nullptr;
};

class InboxApplier {
 public:
  InboxApplier(storage::Database& database, plugins::PluginRegistry& plugins, const Clock& clock,
               ops::Metrics& metrics, InboxOptions options = {});
  ~InboxApplier();
  InboxApplier(const InboxApplier&) = delete;
  InboxApplier& operator=(const InboxApplier&) = delete;

  void start();
  // Ends after the batch in hand; the requests left stay stored for the next
  // start, or for another host.
  void stop();
  // A request was stored (called after its commit).
  void wake();
  // Makes way for `appender`'s acknowledgements (InboxOptions::yieldBelowBacklog).
  void yieldTo(const InboxAppender& appender) { appender_ = &appender; }
  // Waits at most `limit` until every stored request up to `id` has been
  // applied (or has failed and waits for its retry); true when it has.
  bool awaitApplied(int64_t id, std::chrono::milliseconds limit);
  // Applies every request due now, on the caller's thread; for tests and
  // the thread's own loop. Returns how many were applied or dropped.
  size_t drain();

 private:
  // The outcome of one application: nullopt when it may be committed.
  using Failure = std::optional<std::string>;

  void run();
  void makeWayForAcknowledgements();
  bool acknowledgementsWaiting() const;
  void passed(int64_t id);
  // One thread's progress through a drain.
  struct DrainCursor {
    // Where the drain goes on from (InboxRepository::takeDue); each drain
    // starts from 0, which finds retries come due, rows another applier
    // held, and anything left behind.
    int64_t scanAfter = 0;
    // How many requests the next batch claims: what the last batch applied
    // within its budget, doubled while batches finish early. A claim reads
    // and locks every body it takes, so claiming more than the budget lets
    // the batch apply only costs the server, and keeps other appliers off
    // rows nobody is applying.
    size_t claim = 1;
  };
  size_t applyBatch(DrainCursor& cursor);
  size_t applyOneByOne(size_t count, DrainCursor& cursor);
  Failure apply(storage::UnitOfWork& uow, const storage::InboxRequest& request);
  void recordFailure(const storage::InboxRequest& request, const std::string& reason);

  storage::Database& database_;
  plugins::PluginRegistry& plugins_;
  const Clock& clock_;
  ops::Metrics& metrics_;
  InboxOptions options_;
  const InboxAppender* appender_ = nullptr;
  std::atomic<uint64_t> applied_{0};  // since start, to compare with the appender's count
  std::atomic<int64_t> appliedThrough_{0};  // the newest id this host's applier is past
  std::mutex mutex_;
  std::condition_variable wakeUp_;
  std::condition_variable passedOn_;
  std::atomic<int> readersWaiting_{0};  // changed under mutex_, read without it too
  uint64_t wakeUps_ = 0;  // under mutex_: each thread drains when it has not seen the latest
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace ih::host::inbox
