// The event loops' helper threads: while a loop's thread waits in a
// BlockingSection a helper serves the loop, and when the helper leaves no
// work it queued is stranded.
#include "http/io_loops.h"

#include <gtest/gtest.h>

#include <atomic>
#include <boost/asio/defer.hpp>
#include <boost/asio/post.hpp>
#include <chrono>
#include <thread>

#include "common/blocking_section.h"
#include "support/eventually.h"
#include "support/gate.h"

namespace ih::host::http {
namespace {

using namespace std::chrono_literals;

// A handler run by the helper defers a continuation (as Asio's composed
// operations do with the next step of a write or read) and returns while the
// loop's own thread sits idle: Asio moves the continuation to the loop's queue
// when the helper's run_one_for() returns, without waking anyone, and the
// helper then leaves. Unless the loop is woken, the continuation waits for an
// unrelated event, which here never comes.
TEST(IoLoopsTest, WorkALeavingHelperQueuedStillRuns) {
  IoLoops loops(1, 0ms);  // no sentinel timer: it would wake the loop and hide what this test guards
  loops.start();
  boost::asio::io_context& io = loops.first();
  ih::testing::Gate waitEnds;
  std::atomic<bool> waiting{false};
  std::atomic<bool> continued{false};

  boost::asio::post(io, [&] {  // the loop's own thread, waiting on something slow
    BlockingSection section;
    waiting = true;
    waitEnds.wait();
  });
  ASSERT_TRUE(ih::testing::eventually([&] { return waiting.load(); }));
  boost::asio::post(io, [&] {  // run by the helper the wait brought in
    boost::asio::defer(io, [&] { continued = true; });
    waitEnds.open();
    // Let the loop's thread leave its handler and go idle before this
    // handler returns and the helper, no longer needed, leaves.
    std::this_thread::sleep_for(100ms);
  });
  EXPECT_TRUE(ih::testing::eventually([&] { return continued.load(); }, 5s));
  loops.stop();
}

}  // namespace
}  // namespace ih::host::http
