// host/http/socket_deadline_watch.h - ends outbound exchanges at their
// whole-exchange deadline.
//
// Why: Poco's timeouts bound each receive, not the exchange. A server that
// sends a byte every little while, or "100 Continue" again and again, keeps
// every receive short and the call alive forever: a plugin call stuck inside
// it keeps its thread, and enough of them starve every organization's calls.
// At the deadline the watch shuts the socket down (both directions, plain
// TCP, so nothing is sent), and the receive that was waiting returns.
//
// One thread serves every exchange of the process; a Guard registers one
// socket and unregisters it when destroyed, before its session closes the
// socket, so the watch never touches a descriptor that may be reused.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <thread>

namespace ih::host::http {

class SocketDeadlineWatch {
 public:
  using Clock = std::chrono::steady_clock;

  SocketDeadlineWatch();
  ~SocketDeadlineWatch();
  SocketDeadlineWatch(const SocketDeadlineWatch&) = delete;
  SocketDeadlineWatch& operator=(const SocketDeadlineWatch&) = delete;

  class Guard {
   public:
    Guard(SocketDeadlineWatch& watch, uint64_t id) : watch_(&watch), id_(id) {}
    ~Guard() {
      if (watch_ != nullptr) watch_->forget(id_);
    }
    Guard(Guard&& other) noexcept : watch_(other.watch_), id_(other.id_) { other.watch_ = nullptr; }
    Guard(const Guard&) = delete;
    Guard& operator=(const Guard&) = delete;
    Guard& operator=(Guard&&) = delete;
    // True when the deadline shut the socket down: a failure that follows is a timeout.
    bool fired() const { return watch_ != nullptr && watch_->fired(id_); }

   private:
    SocketDeadlineWatch* watch_;
    uint64_t id_;
  };

  // `socketDescriptor` stays open at least until the Guard is destroyed.
  Guard watch(int socketDescriptor, Clock::time_point deadline);

 private:
  struct Entry {
    int descriptor = -1;
    Clock::time_point deadline;
    bool fired = false;
  };
  void run();
  void forget(uint64_t id);
  bool fired(uint64_t id);

  std::mutex mutex_;
  std::condition_variable changed_;
  std::map<uint64_t, Entry> entries_;
  uint64_t nextId_ = 1;
  bool stopping_ = false;
  std::thread thread_;  // last: starts once the rest is built
};

}  // namespace ih::host::http
