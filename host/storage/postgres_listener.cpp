// host/storage/postgres_listener.cpp - see postgres_listener.h.
#include "storage/postgres_listener.h"

#include <libpq-fe.h>
#include <poll.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <thread>

namespace ih::host::storage {

namespace {

// How often the thread looks at its stop flag while waiting on the socket,
// and how long it waits before reconnecting.
constexpr int kStopCheckMs = 200;
constexpr int kReconnectDelayMs = 1000;

class PostgresListener final : public NotificationListener {
 public:
  PostgresListener(std::string connectionString, std::string channel, std::function<void()> onNotify)
      : connectionString_(std::move(connectionString)),
        channel_(std::move(channel)),
        onNotify_(std::move(onNotify)),
        thread_([this] { run(); }) {}

  ~PostgresListener() override {
    stopping_ = true;
    thread_.join();
  }

  bool live() const override { return live_; }

 private:
  void run() {
    while (!stopping_) {
      PGconn* connection = PQconnectdb(connectionString_.c_str());
      if (connection != nullptr && PQstatus(connection) == CONNECTION_OK && listen(connection)) {
        live_ = true;
        receiveUntilBroken(connection);
        live_ = false;
      }
      PQfinish(connection);
      for (int waited = 0; waited < kReconnectDelayMs && !stopping_; waited += kStopCheckMs) {
        std::this_thread::sleep_for(std::chrono::milliseconds(kStopCheckMs));
      }
    }
  }

  bool listen(PGconn* connection) {
    PGresult* result = PQexec(connection, ("LISTEN " + channel_).c_str());
    const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
    PQclear(result);
    return ok;
  }

  void receiveUntilBroken(PGconn* connection) {
    pollfd socket{PQsocket(connection), POLLIN, 0};
    while (!stopping_) {
      socket.revents = 0;
      const int ready = ::poll(&socket, 1, kStopCheckMs);
      if (ready < 0 && errno != EINTR) return;
      if (ready <= 0) continue;
      if (PQconsumeInput(connection) == 0) return;  // the server went away
      bool notified = false;
      while (PGnotify* notification = PQnotifies(connection)) {
        notified = true;
        PQfreemem(notification);
      }
      if (notified) onNotify_();
    }
  }

  const std::string connectionString_;
  const std::string channel_;
  const std::function<void()> onNotify_;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> live_{false};
  std::thread thread_;  // last: started once everything it reads is set
};

}  // namespace

std::unique_ptr<NotificationListener> listenOnPostgres(std::string connectionString, std::string channel,
                                                       std::function<void()> onNotify) {
  return std::make_unique<PostgresListener>(std::move(connectionString), std::move(channel), std::move(onNotify));
}

}  // namespace ih::host::storage
