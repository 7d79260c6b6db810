// host/http/io_loops.cpp - see io_loops.h.
#include "http/io_loops.h"

#include <algorithm>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <mutex>
#include <optional>
#include <thread>

#include "common/blocking_section.h"
#include "common/early_answer.h"
#include "common/thread_name.h"

namespace ih::host::http {

namespace {

// How long a helper waits for work once its loop needs it no more.
constexpr std::chrono::milliseconds kHelperIdle{200};
// A loop's own timer fires at most this often (see IoLoops::IoLoops).
constexpr std::chrono::milliseconds kShortestSentinelPeriod{50};
// Room for threads left inside plugins by abandoned inline calls (the
// plugin-call executor stops running calls inline at 32 of them), each of
// which needs a helper to take its loop over.
constexpr size_t kThreadsLeftInsidePlugins = 32;

ThreadPool::Options loopThreads(size_t loops) {
  ThreadPool::Options o;
  // One per loop, a helper per loop that waits, and the stuck ones.
  o.threads = 2 * loops + kThreadsLeftInsidePlugins;
  o.maxQueued = 0;        // a helper that cannot start at once is not started
  o.keepThreads = loops;
  return o;
}

}  // namespace

struct IoLoops::Loop final : BlockingAware {
  Loop(IoLoops& owner, std::chrono::milliseconds sentinelPeriod)
      : loops(owner), keepRunning(io.get_executor()), sentinel(io), sentinelPeriod(sentinelPeriod) {}

  IoLoops& loops;
  boost::asio::io_context io;
  // The loop runs until stop(), with or without pending I/O.
  std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> keepRunning;
  // Expires before any connection deadline set since it was armed (see the
  // constructor's comment in io_loops.h); re-armed each time it fires.
  boost::asio::steady_timer sentinel;
  const std::chrono::milliseconds sentinelPeriod;
  std::mutex mutex;
  size_t active = 0;   // threads in this loop
  size_t blocked = 0;  // of them, waiting in a BlockingSection

  void run() {
    BlockingSection::setCurrent(this);
    nameThisThread("ih-http");
    if (sentinelPeriod.count() > 0) armSentinel();
    io.run();
    BlockingSection::setCurrent(nullptr);
  }

  void armSentinel() {
    sentinel.expires_after(sentinelPeriod);
    sentinel.async_wait([this](const boost::system::error_code& ec) {
      if (!ec) armSentinel();
    });
  }

  // A helper leaves as soon as the loop has another thread that is not waiting.
  //
  // On its way out it wakes the loop. The handler it ran last may have left
  // work behind (an answer's write completion, the next read): Asio queues a
  // handler's continuations on its thread's private queue and, when
  // run_one_for() returns, moves them to the loop's queue without waking
  // anyone, because a thread inside run() would have taken them itself. The
  // loop's own thread may then sit in epoll_wait until some unrelated event:
  // requests answered 0.2-2 s late, about 1 in 50 under load with durable
  // acknowledgements (docs/benchmarks.md "Round 5"). A post from outside the
  // loop wakes it.
  void help() {
    BlockingSection::setCurrent(this);
    for (;;) {
      io.run_one_for(kHelperIdle);
      std::lock_guard lock(mutex);
      if (io.stopped() || active - blocked > 1) {
        --active;
        break;
      }
    }
    BlockingSection::setCurrent(nullptr);
    boost::asio::post(io, [] {});
  }

  void blockingBegins() noexcept override {
    std::lock_guard lock(mutex);
    ++blocked;
    if (active > blocked) return;  // another thread still serves the loop
    ++active;
    if (!loops.pool_.trySubmit([this] { help(); })) --active;
  }

  void blockingEnds() noexcept override {
    std::lock_guard lock(mutex);
    --blocked;
  }
};

IoLoops::IoLoops(size_t loops, std::chrono::milliseconds deadlineFloor) : pool_(loopThreads(loops < 1 ? 1 : loops)) {
  // Half the floor: the sentinel armed last expires at most that far ahead.
  // Below kShortestSentinelPeriod (timeouts under a tenth of a second) the
  // wake-ups would cost more than the timer saves: no sentinel.
  const std::chrono::milliseconds half = deadlineFloor / 2;
  const std::chrono::milliseconds sentinelPeriod =
      half >= kShortestSentinelPeriod ? half : std::chrono::milliseconds(0);
  for (size_t i = 0; i < (loops < 1 ? 1 : loops); ++i) loops_.push_back(std::make_unique<Loop>(*this, sentinelPeriod));
}

IoLoops::~IoLoops() { stop(); }

boost::asio::io_context& IoLoops::next() { return loops_[next_++ % loops_.size()]->io; }

boost::asio::io_context& IoLoops::first() { return loops_.front()->io; }

void IoLoops::start() {
  for (auto& loop : loops_) {
    std::lock_guard lock(loop->mutex);
    ++loop->active;
    pool_.trySubmit([raw = loop.get()] { raw->run(); });
  }
}

void IoLoops::stop() {
  for (auto& loop : loops_) {
    loop->keepRunning.reset();
    loop->io.stop();
  }
  // Every handler ends, each within its own deadlines, except those whose
  // request was answered early while their thread stays inside a plugin
  // (common/early_answer.h): those are left to the process's end.
  while (pool_.running() > static_cast<size_t>(std::max(0, EarlyAnswer::handlersStillInside()))) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  pool_.stop(std::chrono::milliseconds(0));
}

}  // namespace ih::host::http
