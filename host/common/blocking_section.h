// host/common/blocking_section.h - lets the pool a thread belongs to know
// that the thread is about to wait on something slow (a plugin call, bounded
// by its deadline), so the pool can start another thread meanwhile and the
// work behind it (a health check) is not stuck behind the slow call.
//
// A pool registers itself for each of its threads (setCurrent); code that
// waits opens a BlockingSection for the duration of the wait. On a thread no
// pool registered (a job worker) a BlockingSection does nothing.
#pragma once

namespace ih::host {

class BlockingAware {
 public:
  virtual ~BlockingAware() = default;
  virtual void blockingBegins() noexcept = 0;
  virtual void blockingEnds() noexcept = 0;
};

class BlockingSection {
 public:
  BlockingSection();
  ~BlockingSection();
  BlockingSection(const BlockingSection&) = delete;
  BlockingSection& operator=(const BlockingSection&) = delete;

  // The pool of the calling thread (nullptr = none); for pools' own threads.
  static void setCurrent(BlockingAware* pool);
  // The calling thread's pool, for a watcher that declares a wait on the
  // thread's behalf (an inline plugin call past its quick phase).
  static BlockingAware* current();

 private:
  BlockingAware* pool_;
};

}  // namespace ih::host
