#include "webhooks/delivery_queue.h"

#include <algorithm>

#include "common/wall_clock.h"

namespace ih::mock {

DeliveryQueue::DeliveryQueue(Sender sender) : sender_(std::move(sender)), worker_([this] { run(); }) {}

DeliveryQueue::~DeliveryQueue() { stop(); }

void DeliveryQueue::recordDropped(Delivery delivery) {
  attempts_.push_back(DeliveryAttempt{std::move(delivery), "dropped", 0, "dropped by /_mock/deliveries/control",
                                      nowMillis()});
}

void DeliveryQueue::enqueue(Delivery delivery) {
  std::lock_guard lock(mutex_);
  delivery.sequence = nextSequence_++;
  if (dropRemaining_ > 0 || mode_ == DeliveryMode::kDrop) {
    if (dropRemaining_ > 0) --dropRemaining_;
    recordDropped(std::move(delivery));
    return;
  }
  if (mode_ == DeliveryMode::kHold) {
    held_.push_back(std::move(delivery));
    return;
  }
  ready_.push_back(std::move(delivery));
  wake_.notify_all();
}

void DeliveryQueue::setMode(DeliveryMode mode) {
  {
    std::lock_guard lock(mutex_);
    mode_ = mode;
    if (mode == DeliveryMode::kDrop) {
      for (auto& held : held_) recordDropped(std::move(held));
      held_.clear();
    }
  }
  if (mode == DeliveryMode::kDeliver) release(false);
}

DeliveryMode DeliveryQueue::mode() const {
  std::lock_guard lock(mutex_);
  return mode_;
}

void DeliveryQueue::dropNext(int count) {
  std::lock_guard lock(mutex_);
  dropRemaining_ = std::max(0, count);
}

std::size_t DeliveryQueue::release(bool newestFirst) {
  std::lock_guard lock(mutex_);
  if (newestFirst) std::reverse(held_.begin(), held_.end());
  const auto count = held_.size();
  for (auto& d : held_) ready_.push_back(std::move(d));
  held_.clear();
  wake_.notify_all();
  return count;
}

bool DeliveryQueue::releaseOne(std::int64_t sequence) {
  std::lock_guard lock(mutex_);
  auto held = std::find_if(held_.begin(), held_.end(), [&](const Delivery& d) { return d.sequence == sequence; });
  if (held == held_.end()) return false;
  ready_.push_back(std::move(*held));
  held_.erase(held);
  wake_.notify_all();
  return true;
}

std::vector<DeliveryAttempt> DeliveryQueue::attempts() const {
  std::lock_guard lock(mutex_);
  return attempts_;
}

std::vector<Delivery> DeliveryQueue::pending() const {
  std::lock_guard lock(mutex_);
  std::vector<Delivery> out(held_.begin(), held_.end());
  out.insert(out.end(), ready_.begin(), ready_.end());
  return out;
}

void DeliveryQueue::clearAttempts() {
  std::lock_guard lock(mutex_);
  attempts_.clear();
}

void DeliveryQueue::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (worker_.joinable()) worker_.join();
}

void DeliveryQueue::run() {
  while (true) {
    Delivery next;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !ready_.empty(); });
      if (stopping_) return;
      next = std::move(ready_.front());
      ready_.pop_front();
    }
    attempt(next);
  }
}

void DeliveryQueue::attempt(const Delivery& delivery) {
  DeliveryAttempt result{delivery, "sent", 0, "", 0};
  try {
    result.status = sender_(delivery);
  } catch (const std::exception& e) {
    result.state = "failed";
    result.error = e.what();
  } catch (...) {
    result.state = "failed";
    result.error = "unknown error";
  }
  result.atMs = nowMillis();
  std::lock_guard lock(mutex_);
  attempts_.push_back(std::move(result));
}

}  // namespace ih::mock
