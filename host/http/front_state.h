// host/http/front_state.h - INTERNAL to the HTTP front (server.cpp,
// connection.cpp): what every connection shares with the server - options,
// the dispatcher, the counters that graceful stop and the connection cap
// read, and the registry stop() walks.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>

#include "http/server.h"

namespace ih::host::ops {
class Metrics;
}

namespace ih::host::http {

class Dispatcher;
class HttpConnection;

// Metric names of the front, shared by server.cpp and connection.cpp.
inline constexpr const char* kConnectionsOpen = "ih_http_connections_open";
inline constexpr const char* kConnectionsRefused = "ih_http_connections_refused_total";
inline constexpr const char* kConnectionsTimedOut = "ih_http_connections_timed_out_total";

// The open connections, so stop() can reach them. Thread-safe.
class ConnectionRegistry {
 public:
  void add(HttpConnection* key, std::weak_ptr<HttpConnection> connection);
  void remove(HttpConnection* key);
  void forEach(const std::function<void(HttpConnection&)>& visit);

 private:
  std::mutex mutex_;
  std::map<HttpConnection*, std::weak_ptr<HttpConnection>> connections_;
};

struct FrontState {
  FrontState(ServerOptions o, Dispatcher& d, ops::Metrics& m);

  const ServerOptions options;
  Dispatcher& dispatcher;
  ops::Metrics& metrics;
  ConnectionRegistry registry;
  std::atomic<int> open{0};      // accepted and not yet closed
  std::atomic<int> inFlight{0};  // complete requests whose answer is not written yet
  std::atomic<bool> stopping{false};
};

}  // namespace ih::host::http
