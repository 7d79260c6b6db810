// tests/unit/host/support/flush_probe_vfs.cpp - see flush_probe_vfs.h.
//
// The database files it opens are the default VFS's own, with a copy of
// their methods in which xWrite and xSync report first; the other files
// (WAL, shared memory, journals) are left as they are.
#include "support/flush_probe_vfs.h"

#include <sqlite3.h>

#include <atomic>
#include <stdexcept>

namespace ih::test {
namespace {

std::atomic<FlushProbeVfs*> current{nullptr};
sqlite3_vfs* underlying = nullptr;
const sqlite3_io_methods* databaseMethods = nullptr;  // the underlying VFS's, for database files
sqlite3_io_methods probedMethods;

int probedWrite(sqlite3_file* file, const void* data, int bytes, sqlite3_int64 offset) {
  if (FlushProbeVfs* probe = current.load()) probe->wrote();
  return databaseMethods->xWrite(file, data, bytes, offset);
}

int probedSync(sqlite3_file* file, int flags) {
  const int result = databaseMethods->xSync(file, flags);
  if (FlushProbeVfs* probe = current.load(); probe != nullptr && result == SQLITE_OK) probe->flushed();
  return result;
}

int probedOpen(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* outFlags) {
  const int result = underlying->xOpen(underlying, name, file, flags, outFlags);
  if (result != SQLITE_OK || (flags & SQLITE_OPEN_MAIN_DB) == 0 || file->pMethods == nullptr) return result;
  if (databaseMethods == nullptr) {
    databaseMethods = file->pMethods;
    probedMethods = *file->pMethods;
    probedMethods.xWrite = probedWrite;
    probedMethods.xSync = probedSync;
  }
  if (file->pMethods == databaseMethods) file->pMethods = &probedMethods;  // else unprobed: its test sees no flush
  return result;
}

sqlite3_vfs* probeVfs() {
  static sqlite3_vfs vfs = [] {
    underlying = sqlite3_vfs_find(nullptr);
    sqlite3_vfs copy = *underlying;
    copy.zName = FlushProbeVfs::kName;
    copy.pNext = nullptr;
    copy.xOpen = probedOpen;
    return copy;
  }();
  return &vfs;
}

}  // namespace

FlushProbeVfs::FlushProbeVfs() {
  static const int registered = sqlite3_vfs_register(probeVfs(), 0);
  if (registered != SQLITE_OK) throw std::runtime_error("flush probe: the VFS could not be registered");
  current.store(this);
}

FlushProbeVfs::~FlushProbeVfs() { current.store(nullptr); }

void FlushProbeVfs::askAtFlush(std::function<bool()> held) {
  std::lock_guard lock(mutex_);
  held_ = std::move(held);
}

void FlushProbeVfs::beforeWrites(int every, std::function<void()> action) {
  std::lock_guard lock(mutex_);
  actEvery_ = every;
  beforeWrite_ = std::move(action);
}

std::vector<FlushProbeVfs::Flush> FlushProbeVfs::flushes() const {
  std::lock_guard lock(mutex_);
  return flushes_;
}

int FlushProbeVfs::pagesNotFlushed() const {
  std::lock_guard lock(mutex_);
  return pagesSinceFlush_;
}

void FlushProbeVfs::wrote() {
  std::function<void()> action;
  {
    std::lock_guard lock(mutex_);
    ++pagesSinceFlush_;
    if (actEvery_ > 0 && ++writes_ % actEvery_ == 0) action = beforeWrite_;
  }
  if (action) action();  // outside the lock: it may write through this VFS too
}

void FlushProbeVfs::flushed() {
  std::function<bool()> held;
  {
    std::lock_guard lock(mutex_);
    held = held_;
  }
  const bool whileHeld = held ? held() : false;
  std::lock_guard lock(mutex_);
  flushes_.push_back({pagesSinceFlush_, whileHeld});
  pagesSinceFlush_ = 0;
}

}  // namespace ih::test
