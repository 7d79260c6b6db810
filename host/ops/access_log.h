// host/ops/access_log.h - the access log's writer: one line per request,
// formatted by the request's thread and written by one background thread in
// batches, a write() per batch.
//
// Why not Poco's AsyncChannel, as before: each line there was a Poco::Message
// (a getpid() system call, its strings and timestamp), a queued notification
// that woke the draining thread, a PatternFormatter pass and two write()s to
// stderr. That was a sixth of a no-op webhook's cost: 13.5 k no-op deliveries/s
// with the access log, 15.8-17.8 k/s without (docs/benchmarks.md "Round 6").
// Here a line is formatted into a buffer under a mutex and nothing is woken;
// the writer wakes every `flushEvery` (or when the buffer passes 64 KiB) and
// writes what has gathered. Lines keep the format of every other log line
// (logging.h) and their order; they may reach stderr up to `flushEvery`
// after the request, and at exit the destructor writes what is left. While
// stderr does not take them (a full pipe), at most kMaxPendingBytes wait;
// lines past that are counted, and the count is logged in their place.
#pragma once

#include <chrono>
#include <cstdint>
#include <condition_variable>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace ih::host::ops {

class AccessLog {
 public:
  AccessLog(int fd, std::chrono::milliseconds flushEvery);
  ~AccessLog();
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  // "2026-12-06T07:42:38.178Z Information ih.http.access: GET /healthz 200 0.2ms"
  void record(std::string_view method, std::string_view route, int status, double milliseconds);
  // Writes every line recorded so far before it returns.
  void flush();

 private:
  static constexpr size_t kWakeAtBytes = 64 * 1024;
  static constexpr size_t kMaxPendingBytes = 8 * 1024 * 1024;

  void run();
  void writeAll(const std::string& lines) const;

  const int fd_;
  const std::chrono::milliseconds flushEvery_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable written_;
  // Under mutex_:
  std::string pending_;
  uint64_t dropped_ = 0;          // lines refused since the last batch
  uint64_t flushTickets_ = 0;     // flush() calls so far
  uint64_t ticketsWritten_ = 0;   // of them, those whose lines are written
  bool stopping_ = false;
  std::thread writer_;
};

// The process's access log (stderr) once configureLogging() made it; nullptr
// before, and in tests that log through Poco's loggers only.
AccessLog* processAccessLog();

}  // namespace ih::host::ops
