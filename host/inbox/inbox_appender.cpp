// host/inbox/inbox_appender.cpp - see inbox_appender.h.
#include "inbox/inbox_appender.h"

#include <future>
#include <stdexcept>
#include <utility>

#include <Poco/Logger.h>

#include "common/blocking_section.h"
#include "common/durability.h"
#include "storage/database.h"

namespace ih::host::inbox {

InboxAppender::InboxAppender(storage::Database& database, std::function<void()> stored)
    : database_(database), stored_(std::move(stored)), writer_([this] { run(); }) {}

InboxAppender::~InboxAppender() { stop(); }

void InboxAppender::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  gathered_.notify_one();
  if (writer_.joinable()) writer_.join();
}

void InboxAppender::appendThen(storage::InboxRequest request, Stored done) {
  std::unique_lock lock(mutex_);
  if (stopping_) {
    lock.unlock();
    done(std::make_exception_ptr(std::runtime_error("the webhook inbox is stopping")));
    return;
  }
  waiting_.fetch_add(1, std::memory_order_relaxed);
  const bool first = requests_.empty();
  requests_.push_back(std::move(request));
  callbacks_.push_back(std::move(done));
  lock.unlock();
  // Only the first of a batch wakes the writer; it takes the rest with it.
  if (first) gathered_.notify_one();
}

void InboxAppender::append(storage::InboxRequest request) {
  std::promise<void> stored;
  std::future<void> result = stored.get_future();
  appendThen(std::move(request), [&stored](std::exception_ptr failure) {
    if (failure) {
      stored.set_exception(failure);
    } else {
      stored.set_value();
    }
  });
  // The wait lasts a commit and a disk flush: an event loop serves its other
  // connections meanwhile.
  BlockingSection waiting;
  result.get();
}

void InboxAppender::run() {
  std::vector<storage::InboxRequest> requests;
  std::vector<Stored> callbacks;
  while (true) {
    {
      std::unique_lock lock(mutex_);
      gathered_.wait(lock, [this] { return stopping_ || !requests_.empty(); });
      if (requests_.empty()) return;  // stopping, and nothing left to store
      requests.swap(requests_);
      callbacks.swap(callbacks_);
    }
    std::exception_ptr failure;
    try {
      write(requests);
    } catch (...) {
      failure = std::current_exception();
      forgetOwedDurability();
    }
    for (Stored& done : callbacks) {
      try {
        done(failure);
      } catch (const std::exception& error) {
        Poco::Logger::get("ih.inbox").error(std::string("acknowledging a stored request failed: ") + error.what());
      }
    }
    waiting_.fetch_sub(static_cast<int>(callbacks.size()), std::memory_order_relaxed);
    requests.clear();
    callbacks.clear();
  }
}

void InboxAppender::write(std::vector<storage::InboxRequest>& requests) {
  auto uow = database_.begin();
  const int64_t newest = storage::InboxRepository(*uow).appendAll(requests);
  uow->commit();
  // The commit's durability is owed by this thread; every request of the
  // batch answers on the strength of it.
  settleOwedDurability();
  stored_count_.fetch_add(requests.size(), std::memory_order_relaxed);
  // One writer, one batch at a time: a plain store keeps it monotonic.
  if (newest > lastStoredId_.load(std::memory_order_relaxed)) lastStoredId_.store(newest, std::memory_order_release);
  stored_();
}

}  // namespace ih::host::inbox
