// host/http/server.h - the host's HTTP server: a Poco HTTPServer with its own
// thread pool, keep-alive and timeouts, feeding every request to a Dispatcher.
//
// Poco stays out of this header (it is heavy to compile). Lifecycle:
// bind() listens (port 0 picks a free port, see port()); start() serves;
// stop()
// stops accepting, lets in-flight requests finish within a grace period,
// then closes the remaining connections and joins the threads.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace ih::host::http {

class Dispatcher;

struct ServerOptions {
  std::string bindAddress = "127.0.0.1";
  uint16_t port = 8080;
  int maxThreads = 16;      // concurrent requests
  int maxQueued = 128;      // accepted connections waiting for a thread
  int ioTimeoutMs = 30000;  // socket send/receive timeout
  int keepAliveTimeoutMs = 10000;
  int maxKeepAliveRequests = 1000;
};

class HttpServer {
 public:
  HttpServer(ServerOptions options, Dispatcher& dispatcher);
  ~HttpServer();  // stop(0) when still running
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and listens without serving yet (connections wait in the backlog),
  // so the real port is known early. Throws (one readable line) when the
  // address cannot be bound. start() binds itself when this was not called.
  void bind();
  void start();
  // The bound port (the real one with port 0). Valid after start().
  uint16_t port() const;
  const std::string& bindAddress() const;
  void stop(std::chrono::milliseconds grace);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ih::host::http
