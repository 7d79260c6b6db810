// host/storage/wal_checkpointer.h - copies an SQLite database's WAL back into
// the database file on a thread of its own, so that commits wait only for
// the last step of a checkpoint rather than the whole of it.
//
// Why: SQLite checkpoints inside the commit that takes the WAL past 1 000
// pages, on the committing thread. Here every write runs on one writer
// connection, so that commit held the writer lock through the checkpoint's
// writes and its two fsyncs (several milliseconds), and every acknowledgement
// queued behind it: the tail of the webhook latency (docs/benchmarks.md,
// issue 12 "Round 11"). A PASSIVE checkpoint takes no writer lock, so here it
// runs beside the writes instead of inside one.
//
// It must also let the WAL start over: SQLite writes a WAL from its start
// again only once every frame was copied back, and a checkpoint beside
// writers that never pause always leaves the newest frames behind (the WAL
// grew to 5 GB in a minute). So after copying the bulk beside the writers, it
// copies the few frames left while it holds the writer lock. Writers wait for
// that step, so it must be short: SQLite flushes the database file only at
// the end of a pass that copied the whole WAL, i.e. only in the locked step,
// whose flush then carried every page the bulk copy had written (1-7 ms,
// the tail of a paced run's acknowledgements). So each pass beside the
// writers is followed by a flush of its own, and a second pass copies and
// flushes what the writers added during the first: the locked step is left
// with the frames of a few milliseconds (docs/benchmarks.md, issue 12
// "Round 19").
//
// The writer connection's WAL hook (called by SQLite after each commit, the
// lock released) only wakes the thread once the WAL has grown by
// kPagesPerCheckpoint pages; an idle host never wakes it.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "storage/writer_lock.h"

struct sqlite3;

namespace Poco::Data { class Session; }

namespace ih::host::storage {

class WalCheckpointer {
 public:
  using Connect = std::function<std::unique_ptr<Poco::Data::Session>()>;

  // SQLite's own mark. Every checkpoint ends with a short turn under the
  // writer lock, longer the more pages were written during its bulk copy:
  // with 16 000 pages the acknowledgements' p99 at full load was 39-44 ms,
  // with 500 to 4 000 it was 13-20 ms, within this machine's noise
  // (docs/benchmarks.md, issue 12 "Round 11").
  static constexpr int kPagesPerCheckpoint = 1000;

  // `connect` opens the checkpointer's own connection, on its thread, when
  // first needed.
  WalCheckpointer(Connect connect, std::shared_ptr<WriterLock> writerLock);
  ~WalCheckpointer();
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

  // Makes `writer`'s commits wake this checkpointer; SQLite then no longer
  // checkpoints on that connection by itself.
  void watch(sqlite3* writer);
  // Checkpoints finished since start (for tests).
  int checkpoints() const;

 private:
  static int onCommit(void* self, sqlite3* connection, const char* database, int walPages);
  void run();

  // Passes of copying and flushing before the step under the writer lock:
  // a third shortened that step no further (docs/benchmarks.md, issue 12
  // "Round 19").
  static constexpr int kPassesBesideWriters = 2;

  void checkpoint(Poco::Data::Session& session);
  // fdatasync() of the database file, through SQLite's own file (and VFS).
  static void flushDatabaseFile(Poco::Data::Session& session);

  Connect connect_;
  std::shared_ptr<WriterLock> writerLock_;
  mutable std::mutex mutex_;
  std::condition_variable wanted_;
  int pagesAtLastRequest_ = 0;
  bool due_ = false;
  bool stopping_ = false;
  int checkpoints_ = 0;
  std::thread thread_;  // last: starts once the rest is built
};

}  // namespace ih::host::storage
