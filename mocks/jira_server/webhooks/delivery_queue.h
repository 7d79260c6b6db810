// Asynchronous webhook delivery, as Jira DC does it: one attempt per delivery, no retry,
// on a dedicated thread so REST answers never wait. Tests steer it: hold deliveries,
// release them in order or reversed, drop the next N, or drop everything (what Jira does
// when its queue overflows: the deliveries are lost, never retried).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/http_types.h"

namespace ih::mock {

struct Delivery {
  std::int64_t sequence = 0;
  std::string webhookId;  // "legacy/3" or "dc/3"
  std::string event;
  std::string url;
  HeaderList headers;
  std::string body;
};

struct DeliveryAttempt {
  Delivery delivery;
  std::string state;  // sent | failed | dropped
  int status = 0;     // 0 when no HTTP answer
  std::string error;
  std::int64_t atMs = 0;
};

enum class DeliveryMode { kDeliver, kHold, kDrop };

class DeliveryQueue {
 public:
  using Sender = std::function<int(const Delivery&)>;  // returns the HTTP status, throws on failure

  explicit DeliveryQueue(Sender sender);
  ~DeliveryQueue();
  DeliveryQueue(const DeliveryQueue&) = delete;
  DeliveryQueue& operator=(const DeliveryQueue&) = delete;

  void enqueue(Delivery delivery);
  // Switching to deliver releases everything held, oldest first; switching to drop
  // drops what is held (recorded as dropped attempts), and every later delivery.
  void setMode(DeliveryMode mode);
  DeliveryMode mode() const;
  void dropNext(int count);
  // Moves held deliveries to the send queue, oldest first or newest first; returns how many.
  std::size_t release(bool newestFirst);
  // Moves only the held delivery with this sequence number to the send queue (the others
  // stay held); false when no held delivery has it.
  bool releaseOne(std::int64_t sequence);

  std::vector<DeliveryAttempt> attempts() const;
  std::vector<Delivery> pending() const;  // held plus not yet attempted
  void clearAttempts();
  // Stops the thread after the in-flight attempt; queued deliveries are abandoned.
  void stop();

 private:
  void run();
  void attempt(const Delivery& delivery);
  void recordDropped(Delivery delivery);  // the caller holds mutex_

  Sender sender_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Delivery> ready_;
  std::vector<Delivery> held_;
  std::vector<DeliveryAttempt> attempts_;
  DeliveryMode mode_ = DeliveryMode::kDeliver;
  int dropRemaining_ = 0;
  std::int64_t nextSequence_ = 1;
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace ih::mock
