// host/ops/access_log.cpp - see access_log.h.
#include "ops/access_log.h"

#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

#include "common/thread_name.h"

namespace ih::host::ops {

namespace {

// "2026-12-06T07:42:38.178Z", as logging.cpp's PatternFormatter writes it
// (the room is for what the compiler cannot rule out, not for real dates).
constexpr size_t kTimestampRoom = 64;

void formatTimestamp(char (&out)[kTimestampRoom]) {
  timespec now{};
  clock_gettime(CLOCK_REALTIME, &now);
  tm utc{};
  gmtime_r(&now.tv_sec, &utc);
  std::snprintf(out, sizeof out, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900, utc.tm_mon + 1,
                utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, static_cast<int>(now.tv_nsec / 1000000));
}

}  // namespace

AccessLog::AccessLog(int fd, std::chrono::milliseconds flushEvery)
    : fd_(fd), flushEvery_(flushEvery), writer_([this] { run(); }) {}

AccessLog::~AccessLog() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  writer_.join();
}

void AccessLog::record(std::string_view method, std::string_view route, int status, double milliseconds) {
  char timestamp[kTimestampRoom];
  formatTimestamp(timestamp);
  char line[512];
  int length = std::snprintf(line, sizeof line, "%s Information ih.http.access: %.*s %.*s %d %.1fms\n", timestamp,
                             static_cast<int>(method.size()), method.data(), static_cast<int>(route.size()),
                             route.data(), status, milliseconds);
  if (length < 0) return;
  if (static_cast<size_t>(length) >= sizeof line) {  // a very long route pattern: keep the line whole
    length = sizeof line - 1;
    line[length - 1] = '\n';
  }
  bool wake = false;
  {
    std::lock_guard lock(mutex_);
    if (pending_.size() + static_cast<size_t>(length) > kMaxPendingBytes) {
      ++dropped_;
      return;
    }
    pending_.append(line, static_cast<size_t>(length));
    wake = pending_.size() >= kWakeAtBytes;
  }
  if (wake) wake_.notify_one();
}

void AccessLog::flush() {
  std::unique_lock lock(mutex_);
  const uint64_t ticket = ++flushTickets_;
  wake_.notify_one();
  written_.wait(lock, [&] { return ticketsWritten_ >= ticket; });
}

void AccessLog::run() {
  nameThisThread("ih-access-log");
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait_for(lock, flushEvery_, [&] {
      return stopping_ || flushTickets_ > ticketsWritten_ || pending_.size() >= kWakeAtBytes;
    });
    const uint64_t tickets = flushTickets_;
    const bool stop = stopping_;
    std::string batch;
    batch.swap(pending_);
    if (dropped_ > 0) {
      char timestamp[kTimestampRoom];
      formatTimestamp(timestamp);
      batch += std::string(timestamp) + " Warning ih.http.access: " + std::to_string(dropped_) +
               " lines dropped while stderr did not take them\n";
      dropped_ = 0;
    }
    lock.unlock();
    writeAll(batch);
    lock.lock();
    ticketsWritten_ = tickets;
    written_.notify_all();
    if (stop && pending_.empty()) return;
  }
}

void AccessLog::writeAll(const std::string& lines) const {
  size_t done = 0;
  while (done < lines.size()) {
    const ssize_t n = ::write(fd_, lines.data() + done, lines.size() - done);
    if (n > 0) {
      done += static_cast<size_t>(n);
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      return;  // stderr is gone: nothing left to tell
    }
  }
}

}  // namespace ih::host::ops
