// host/storage/wal_group_commit.cpp - see wal_group_commit.h.
#include "storage/wal_group_commit.h"

#include <fcntl.h>
#include <unistd.h>

#include <Poco/Logger.h>

#include <cerrno>
#include <cstring>

#include "common/blocking_section.h"
#include "storage/storage_error.h"

namespace ih::host::storage {

int WalGroupCommit::syncWal() const {
  const int fd = ::open(walPath_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno == ENOENT ? 0 : errno;  // no WAL: everything was checkpointed and synced
  const int result = ::fdatasync(fd) == 0 ? 0 : errno;
  ::close(fd);
  return result;
}

void WalGroupCommit::awaitDurable(uint64_t sequence) {
  std::unique_lock lock(mutex_);
  if (durable_ >= sequence) return;
  // The wait lasts a disk flush: let the event loop serve its other
  // connections (a health check) meanwhile.
  BlockingSection waiting;
  while (durable_ < sequence && failedErrno_ == 0) {
    if (syncing_) {
      syncFinished_.wait(lock);
      continue;
    }
    syncing_ = true;
    const uint64_t covered = committed_.load(std::memory_order_acquire);
    lock.unlock();
    const int error = syncWal();
    lock.lock();
    syncing_ = false;
    if (error != 0) {
      failedErrno_ = error;
      Poco::Logger::get("ih.storage")
          .critical("fdatasync of %s failed (%s): no further writes are acknowledged until the host restarts",
                    walPath_, std::string(std::strerror(error)));
    } else if (covered > durable_) {
      durable_ = covered;
    }
    syncFinished_.notify_all();
  }
  if (durable_ < sequence) {
    throw StorageError(StorageError::Kind::Other,
                       "the database could not be flushed to disk (" + std::string(std::strerror(failedErrno_)) + ")");
  }
}

}  // namespace ih::host::storage
