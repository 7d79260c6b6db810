// host/inbox/inbox_appender.cpp - see inbox_appender.h.
#include "inbox/inbox_appender.h"

#include <algorithm>

#include "common/blocking_section.h"
#include "common/durability.h"
#include "storage/database.h"

namespace ih::host::inbox {

void InboxAppender::append(storage::InboxRequest request) {
  waiting_.fetch_add(1, std::memory_order_relaxed);
  struct Leaving {
    std::atomic<int>& waiting;
    ~Leaving() { waiting.fetch_sub(1, std::memory_order_relaxed); }
  } leaving{waiting_};
  std::unique_lock lock(mutex_);
  const std::shared_ptr<Batch> mine = gathering_;
  mine->requests.push_back(std::move(request));
  // The wait lasts a commit and a disk flush: the event loop serves its
  // other connections meanwhile.
  BlockingSection waiting;
  while (!mine->finished) {
    if (writing_) {
      finished_.wait(lock);
      continue;
    }
    writing_ = true;
    const std::shared_ptr<Batch> batch = std::exchange(gathering_, std::make_shared<Batch>());
    lock.unlock();
    std::exception_ptr failure;
    try {
      write(batch->requests);
    } catch (...) {
      failure = std::current_exception();
    }
    lock.lock();
    batch->finished = true;
    batch->failure = failure;
    writing_ = false;
    finished_.notify_all();
  }
  if (mine->failure) std::rethrow_exception(mine->failure);
}

void InboxAppender::write(std::vector<storage::InboxRequest>& requests) {
  auto uow = database_.begin();
  const int64_t newest = storage::InboxRepository(*uow).appendAll(requests);
  uow->commit();
  // The commit's durability is owed by this thread only (common/durability.h),
  // but every request of the batch answers on the strength of it.
  settleOwedDurability();
  stored_count_.fetch_add(requests.size(), std::memory_order_relaxed);
  // Only the leader writes, one batch at a time: a plain store keeps it monotonic.
  if (newest > lastStoredId_.load(std::memory_order_relaxed)) lastStoredId_.store(newest, std::memory_order_release);
  stored_();
}

}  // namespace ih::host::inbox
