// host/storage/postgres_listener.cpp - see postgres_listener.h.
#include "storage/postgres_listener.h"

#include "storage/postgres_client_library.h"

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
      PGconn* connection = libpq_.connectdb(connectionString_.c_str());
      if (connection != nullptr && libpq_.status(connection) == CONNECTION_OK && listen(connection)) {
        live_ = true;
        receiveUntilBroken(connection);
        live_ = false;
      }
      libpq_.finish(connection);
      for (int waited = 0; waited < kReconnectDelayMs && !stopping_; waited += kStopCheckMs) {
        std::this_thread::sleep_for(std::chrono::milliseconds(kStopCheckMs));
      }
    }
  }

  bool listen(PGconn* connection) {
    PGresult* result = libpq_.exec(connection, ("LISTEN " + channel_).c_str());
    const bool ok = libpq_.resultStatus(result) == PGRES_COMMAND_OK;
    libpq_.clear(result);
    return ok;
  }

  void receiveUntilBroken(PGconn* connection) {
    pollfd socket{libpq_.socket(connection), POLLIN, 0};
    while (!stopping_) {
      socket.revents = 0;
      const int ready = ::poll(&socket, 1, kStopCheckMs);
      if (ready < 0 && errno != EINTR) return;
      if (ready <= 0) continue;
      if (libpq_.consumeInput(connection) == 0) return;  // the server went away
      bool notified = false;
      while (PGnotify* notification = libpq_.notifies(connection)) {
        notified = true;
        libpq_.freemem(notification);
      }
      if (notified) onNotify_();
    }
  }

  const std::string connectionString_;
  const std::string channel_;
  const std::function<void()> onNotify_;
  const LibpqCalls& libpq_ = loadPostgresClient();
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
