// host/inbox/inbox_appender.h - stores the requests a plugin deferred, many
// per transaction: the acknowledgement's group commit.
//
// Why not one transaction per request: on SQLite every transaction takes the
// one writer lock, and sixteen request threads handing that lock to each
// other cost more in context switches than the inserts themselves (an
// acknowledgement-only run did 3 400 deliveries/s, most of the host's CPU in
// the scheduler). Here the first waiting request becomes the leader and
// writes every request gathered so far in one transaction, with one commit
// and one fsync; the requests that arrive meanwhile form the next batch.
// Each caller returns once its own batch is durable (or throws if it could
// not be stored: the request must then not be acknowledged).
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "storage/inbox_repository.h"

namespace ih::host::storage { class Database; }

namespace ih::host::inbox {

class InboxAppender {
 public:
  // `stored` runs after each batch is durable (wakes the applier).
  InboxAppender(storage::Database& database, std::function<void()> stored)
      : database_(database), stored_(std::move(stored)) {}
  InboxAppender(const InboxAppender&) = delete;
  InboxAppender& operator=(const InboxAppender&) = delete;

  // Blocks until `request` is on disk (under --durability durable).
  void append(storage::InboxRequest request);
  // Requests inside append() now: acknowledgements someone is waiting for.
  int waiting() const { return waiting_.load(std::memory_order_relaxed); }
  // Requests stored since start, and the id of the newest.
  uint64_t stored() const { return stored_count_.load(std::memory_order_relaxed); }
  int64_t lastStoredId() const { return lastStoredId_.load(std::memory_order_acquire); }

 private:
  struct Batch {
    std::vector<storage::InboxRequest> requests;
    bool finished = false;
    std::exception_ptr failure;
  };

  void write(std::vector<storage::InboxRequest>& requests);

  storage::Database& database_;
  std::function<void()> stored_;
  std::mutex mutex_;
  std::condition_variable finished_;
  std::shared_ptr<Batch> gathering_ = std::make_shared<Batch>();
  bool writing_ = false;
  std::atomic<int> waiting_{0};
  std::atomic<uint64_t> stored_count_{0};
  std::atomic<int64_t> lastStoredId_{0};
};

}  // namespace ih::host::inbox
