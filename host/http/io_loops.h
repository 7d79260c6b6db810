// host/http/io_loops.h - INTERNAL to the HTTP front: the event loops its
// connections live on, one Asio io_context per thread.
//
// A connection stays on one loop for its life; its handlers - reading, the
// dispatcher for each complete request, writing - all run on that loop's
// thread, so answering a request involves no hand-off between threads (the
// handlers of a loop with one thread never wait for another). New connections
// go to the loops in turn.
//
// A handler that waits on something slow declares it (a BlockingSection, as
// a plugin call does while it waits, bounded by its deadline): the loop then
// gets a helper thread until the wait ends, so the loop's other connections -
// a health check among them - are served meanwhile. A plugin call run inline
// on a loop's thread is declared by the plugin-call watcher once it is slow,
// and its thread may stay inside a plugin after its request was answered
// (common/early_answer.h): the pool has room for 32 such threads, each with
// its loop's helper.
#pragma once

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <chrono>
#include <cstddef>
#include <memory>
#include <vector>

#include "common/thread_pool.h"

namespace ih::host::http {

class IoLoops {
 public:
  // `deadlineFloor`: the shortest deadline a connection sets (its idle and
  // request timeouts). Each loop keeps a timer that always expires before
  // it, so that arming a connection's deadline does not change the loop's
  // earliest timer: Asio reprograms its timerfd only when that changes, and
  // it did on each of the three deadlines of every request, one loop
  // holding one connection (5 % of the host's CPU on no-op webhooks,
  // docs/benchmarks.md, issue 12 "Round 16"). Under 100 ms (zero
  // included): no such timer, which would wake the loop too often.
  IoLoops(size_t loops, std::chrono::milliseconds deadlineFloor);
  ~IoLoops();
  IoLoops(const IoLoops&) = delete;
  IoLoops& operator=(const IoLoops&) = delete;

  // The loop for the next new connection (round robin); thread-safe.
  boost::asio::io_context& next();
  boost::asio::io_context& first();

  void start();
  // Stops every loop and waits for its threads (a handler still running ends
  // first; each is bounded by its own deadlines), except threads left inside
  // a plugin after an early answer: a process with such threads must end
  // without destroying the front (host_application.cpp does).
  void stop();

 private:
  struct Loop;
  std::vector<std::unique_ptr<Loop>> loops_;
  ThreadPool pool_;
  std::atomic<size_t> next_{0};
};

}  // namespace ih::host::http
