// tests/unit/host/support/flush_probe_vfs.h - an SQLite VFS over the
// default one that watches a connection's database file: how many pages were
// written to it since its last flush, and what each flush carried. Opened
// with "file:<path>?vfs=flush-probe", for the tests of who flushes what.
#pragma once

#include <functional>
#include <mutex>
#include <vector>

namespace ih::test {

class FlushProbeVfs {
 public:
  static constexpr const char* kName = "flush-probe";

  struct Flush {
    int pagesCarried = 0;    // writes to the database file since the flush before
    bool whileHeld = false;  // what `held` answered at the flush
  };

  // Registers the VFS (once per process) and makes this the probe it reports to.
  FlushProbeVfs();
  ~FlushProbeVfs();
  FlushProbeVfs(const FlushProbeVfs&) = delete;
  FlushProbeVfs& operator=(const FlushProbeVfs&) = delete;

  // Asked at each flush (on the flushing thread).
  void askAtFlush(std::function<bool()> held);
  // Runs before every `every`-th write to a database file goes through.
  void beforeWrites(int every, std::function<void()> action);

  std::vector<Flush> flushes() const;
  int pagesNotFlushed() const;

  // Called by the VFS.
  void wrote();
  void flushed();

 private:
  mutable std::mutex mutex_;
  std::function<bool()> held_;
  int actEvery_ = 0;
  std::function<void()> beforeWrite_;
  int writes_ = 0;
  std::vector<Flush> flushes_;
  int pagesSinceFlush_ = 0;
};

}  // namespace ih::test
