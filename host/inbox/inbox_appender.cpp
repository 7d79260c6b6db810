// host/inbox/inbox_appender.cpp - see inbox_appender.h.
#include "inbox/inbox_appender.h"

#include <future>
#include <stdexcept>
#include <utility>

#include <Poco/Logger.h>

#include "common/blocking_section.h"
#include "common/durability.h"
#include "common/thread_name.h"
#include "storage/database.h"

namespace ih::host::inbox {

InboxAppender::InboxAppender(storage::Database& database, std::function<void()> stored,
                             const storage::RowSealer* sealer)
    : database_(database),
      stored_(std::move(stored)),
      sealer_(sealer),
      syncer_([this] { syncBatches(); }),
      writer_([this] { writeBatches(); }) {}

InboxAppender::~InboxAppender() { stop(); }

void InboxAppender::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  gathered_.notify_one();
  if (writer_.joinable()) writer_.join();
  {
    std::lock_guard lock(writtenMutex_);
    writerDone_ = true;
  }
  written_.notify_one();
  if (syncer_.joinable()) syncer_.join();
}

void InboxAppender::appendThen(storage::InboxRequest request, Stored done) {
  // On the caller's thread: the writer's time is every request's wait.
  if (sealer_ != nullptr) {
    storage::InboxRepository::sealForStorage(request, *sealer_);
  } else if (request.encodedBody.empty()) {
    request.encodedBody = storage::InboxRepository::encodeBody(request.body);
  }
  std::unique_lock lock(mutex_);
  if (stopping_) {
    lock.unlock();
    done(std::make_exception_ptr(std::runtime_error("the webhook inbox is stopping")));
    return;
  }
  const bool first = requests_.empty();
  requests_.push_back(std::move(request));
  try {
    callbacks_.push_back(std::move(done));
  } catch (...) {
    requests_.pop_back();  // never stored without someone to tell
    throw;
  }
  waiting_.fetch_add(1, std::memory_order_relaxed);
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

void InboxAppender::writeBatches() {
  nameThisThread("ih-inbox-write");
  std::vector<storage::InboxRequest> requests;
  while (true) {
    Written batch;
    {
      std::unique_lock lock(mutex_);
      gathered_.wait(lock, [this] { return stopping_ || !requests_.empty(); });
      if (requests_.empty()) return;  // stopping, and nothing left to store
      requests.swap(requests_);
      batch.callbacks.swap(callbacks_);
    }
    try {
      batch.newestId = write(requests);
      batch.debt = takeOwedDurability();
    } catch (...) {
      batch.failure = std::current_exception();
      forgetOwedDurability();
    }
    requests.clear();
    {
      std::lock_guard lock(writtenMutex_);
      toSync_.push_back(std::move(batch));
    }
    written_.notify_one();
  }
}

void InboxAppender::syncBatches() {
  nameThisThread("ih-inbox-sync");
  std::vector<Written> batches;
  while (true) {
    {
      std::unique_lock lock(writtenMutex_);
      written_.wait(lock, [this] { return writerDone_ || !toSync_.empty(); });
      if (toSync_.empty()) return;  // the writer has ended and every batch is answered
      batches.swap(toSync_);
    }
    // One wait for the newest debt covers the batches written before it.
    std::exception_ptr syncFailure;
    try {
      for (auto it = batches.rbegin(); it != batches.rend(); ++it) {
        if (!it->failure) {
          it->debt.settle();
          break;
        }
      }
    } catch (...) {
      syncFailure = std::current_exception();
    }
    bool anyStored = false;
    for (Written& batch : batches) {
      const std::exception_ptr failure = batch.failure ? batch.failure : syncFailure;
      anyStored = anyStored || !failure;
      finish(batch, failure);
    }
    batches.clear();
    if (anyStored) stored_();
  }
}

void InboxAppender::finish(Written& batch, std::exception_ptr failure) {
  if (!failure) {
    stored_count_.fetch_add(batch.callbacks.size(), std::memory_order_relaxed);
    // One syncer, batches in order: a plain store keeps it monotonic.
    if (batch.newestId > lastStoredId_.load(std::memory_order_relaxed)) {
      lastStoredId_.store(batch.newestId, std::memory_order_release);
    }
  }
  for (Stored& done : batch.callbacks) {
    try {
      done(failure);
    } catch (const std::exception& error) {
      Poco::Logger::get("ih.inbox").error(std::string("acknowledging a stored request failed: ") + error.what());
    }
  }
  waiting_.fetch_sub(static_cast<int>(batch.callbacks.size()), std::memory_order_relaxed);
}

int64_t InboxAppender::write(std::vector<storage::InboxRequest>& requests) {
  auto uow = database_.begin();
  const int64_t newest = storage::InboxRepository(*uow).appendAll(requests);
  uow->commit();
  return newest;
}

}  // namespace ih::host::inbox
