// host/storage/wal_checkpointer.cpp - see wal_checkpointer.h.
#include "storage/wal_checkpointer.h"

#include <sqlite3.h>

#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/Session.h>
#include <Poco/Logger.h>

#include <chrono>
#include <exception>
#include <stdexcept>
#include <string>

#include "common/thread_name.h"
#include "storage/query.h"

namespace ih::host::storage {

namespace {

// The writer lock is held for one delivery's commit at a time: a wait longer
// than a few of those means a long write, and the next request comes soon.
constexpr std::chrono::milliseconds kWriterLockWait{50};

}  // namespace

WalCheckpointer::WalCheckpointer(Connect connect, std::shared_ptr<WriterLock> writerLock)
    : connect_(std::move(connect)), writerLock_(std::move(writerLock)), thread_([this] { run(); }) {}

WalCheckpointer::~WalCheckpointer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wanted_.notify_one();
  thread_.join();
}

void WalCheckpointer::watch(sqlite3* writer) { sqlite3_wal_hook(writer, &WalCheckpointer::onCommit, this); }

int WalCheckpointer::checkpoints() const {
  std::lock_guard lock(mutex_);
  return checkpoints_;
}

int WalCheckpointer::onCommit(void* self, sqlite3*, const char*, int walPages) {
  auto& checkpointer = *static_cast<WalCheckpointer*>(self);
  {
    std::lock_guard lock(checkpointer.mutex_);
    // Counted from the last request, not from the WAL's start: while a
    // reader keeps the WAL from starting over, it stays long, and asking at
    // every commit would flush the database file at every commit.
    if (walPages < checkpointer.pagesAtLastRequest_) checkpointer.pagesAtLastRequest_ = 0;  // the WAL started over
    if (walPages - checkpointer.pagesAtLastRequest_ < kPagesPerCheckpoint) return SQLITE_OK;
    checkpointer.pagesAtLastRequest_ = walPages;
    checkpointer.due_ = true;
  }
  checkpointer.wanted_.notify_one();
  return SQLITE_OK;
}

void WalCheckpointer::run() {
  nameThisThread("ih-checkpoint");
  std::unique_ptr<Poco::Data::Session> session;
  std::unique_lock lock(mutex_);
  while (true) {
    wanted_.wait(lock, [this] { return due_ || stopping_; });
    if (stopping_) return;  // the last connection to close checkpoints what is left
    due_ = false;
    lock.unlock();
    bool done = false;
    try {
      if (!session) session = connect_();
      checkpoint(*session);
      done = true;
    } catch (const std::exception& error) {
      session.reset();  // a new connection next time
      Poco::Logger::get("ih.storage").warning(std::string("WAL checkpoint failed (retried after the next commits): ") +
                                              error.what());
    }
    lock.lock();
    if (done) ++checkpoints_;
  }
}

void WalCheckpointer::checkpoint(Poco::Data::Session& session) {
  // PASSIVE: copies what no reader still needs, without waiting for anyone.
  // SQLite flushes the database file only in a pass that copied the whole
  // WAL, which writers that never pause never let happen: the flush is ours.
  for (int pass = 0; pass < kPassesBesideWriters; ++pass) {
    Query(session, "PRAGMA wal_checkpoint(PASSIVE)").rows();
    flushDatabaseFile(session);
  }
  if (!writerLock_->tryLockFor(kWriterLockWait)) return;  // the hook asks again once the WAL has grown
  try {
    Query(session, "PRAGMA wal_checkpoint(PASSIVE)").rows();
  } catch (...) {
    writerLock_->unlock();
    throw;
  }
  writerLock_->unlock();
}

void WalCheckpointer::flushDatabaseFile(Poco::Data::Session& session) {
  sqlite3_file* file = nullptr;
  const int found =
      sqlite3_file_control(Poco::Data::SQLite::Utility::dbHandle(session), "main", SQLITE_FCNTL_FILE_POINTER, &file);
  if (found != SQLITE_OK || file == nullptr || file->pMethods == nullptr) {
    throw std::runtime_error("the database file cannot be flushed: SQLite has no file for it");
  }
  if (const int synced = file->pMethods->xSync(file, SQLITE_SYNC_NORMAL); synced != SQLITE_OK) {
    throw std::runtime_error(std::string("flushing the database file failed: ") + sqlite3_errstr(synced));
  }
}

}  // namespace ih::host::storage
