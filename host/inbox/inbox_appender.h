// host/inbox/inbox_appender.h - stores the requests a plugin deferred, many
// per transaction: the acknowledgement's group commit.
//
// Why not one transaction per request: on SQLite every transaction takes the
// one writer lock, and sixteen request threads handing that lock to each
// other cost more in context switches than the inserts themselves (an
// acknowledgement-only run did 3 400 deliveries/s, most of the host's CPU in
// the scheduler). Here one writer thread stores every request gathered so far
// in one transaction, with one commit and one fsync; the requests that
// arrive meanwhile form the next batch.
//
// Why a writer thread that calls back rather than callers that wait: a
// caller that waits is an event loop's thread, and each wait handed its loop
// to a helper thread and back, about a dozen context switches per delivery,
// which on this kind of virtual machine cost more than the delivery's own
// work (docs/benchmarks.md, issue 12 "Round 10"). appendThen() returns at
// once, and the connection sends its answer when called back.
//
// The writer does not wait for the disk either: it hands each stored batch
// to a syncing thread, which waits until the batch is durable and then calls
// its requests back, and goes on storing the next batch meanwhile. A batch
// then takes the longer of its write and its fsync, not both.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "common/durability.h"
#include "storage/inbox_repository.h"
#include "storage/row_sealer.h"

namespace ih::host::storage { class Database; }

namespace ih::host::inbox {

class InboxAppender {
 public:
  // Called on the writer thread once the request is on disk (under
  // --durability durable) with nullptr, or with why it could not be stored:
  // the request must then not be acknowledged. Must not block.
  using Stored = std::function<void(std::exception_ptr)>;

  // `stored` runs after each batch is durable (wakes the applier).
  // `sealer`: seals what is stored (InboxOptions::sealer); may be null.
  InboxAppender(storage::Database& database, std::function<void()> stored, const storage::RowSealer* sealer = nullptr);
  ~InboxAppender();
  InboxAppender(const InboxAppender&) = delete;
  InboxAppender& operator=(const InboxAppender&) = delete;

  void appendThen(storage::InboxRequest request, Stored done);
  // Blocks until `request` is on disk; throws when it could not be stored.
  void append(storage::InboxRequest request);
  // Stores what was gathered, then refuses new requests and ends the writer.
  void stop();

  // Requests gathered or being stored now: acknowledgements someone is waiting for.
  int waiting() const { return waiting_.load(std::memory_order_relaxed); }
  // Requests stored since start, and the id of the newest.
  uint64_t stored() const { return stored_count_.load(std::memory_order_relaxed); }
  int64_t lastStoredId() const { return lastStoredId_.load(std::memory_order_acquire); }

 private:
  // A batch written (or not) and waiting for its durability.
  struct Written {
    std::vector<Stored> callbacks;
    DurabilityDebt debt;
    std::exception_ptr failure;
    int64_t newestId = 0;
  };

  void writeBatches();
  void syncBatches();
  int64_t write(std::vector<storage::InboxRequest>& requests);
  void finish(Written& batch, std::exception_ptr failure);

  storage::Database& database_;
  std::function<void()> stored_;
  const storage::RowSealer* sealer_;
  std::mutex mutex_;
  std::condition_variable gathered_;
  std::vector<storage::InboxRequest> requests_;
  std::vector<Stored> callbacks_;
  bool stopping_ = false;
  std::mutex writtenMutex_;
  std::condition_variable written_;
  std::vector<Written> toSync_;
  bool writerDone_ = false;
  std::atomic<int> waiting_{0};
  std::atomic<uint64_t> stored_count_{0};
  std::atomic<int64_t> lastStoredId_{0};
  // Last: they start once the rest is built.
  std::thread syncer_;
  std::thread writer_;
};

}  // namespace ih::host::inbox
