// host/http/server.h - the host's HTTP server: an event-driven front
// (Boost.Beast on Asio) that reads each request whole under a deadline, then
// runs the Dispatcher for it on the I/O thread that completed it and writes
// the answer asynchronously. docs/http-front.md explains the design and its
// limits.
//
// No thread waits on a socket: idle keep-alive connections, slow uploads and
// clients that never finish their headers cost a socket and a few buffers,
// not a thread, so they cannot silence the host. Threads are only ever busy
// with complete requests. Limits:
//   * headerTimeoutMs: a request's headers and body must arrive within it
//     (from the accept, or from its first byte on a kept-alive connection),
//     else the connection is closed;
//   * keepAliveTimeoutMs: an idle kept-alive connection is closed after it;
//   * maxConnections: connections beyond it get 503 {"detail"} and are closed;
//   * threads: requests answered at once (more while some wait on plugins).
//
// Lifecycle: bind() listens (port 0 picks a free port, see port()); start()
// serves; stop() stops accepting, closes idle connections, lets in-flight
// requests finish within a grace period, then closes the rest.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace ih::host::http {

class Dispatcher;

struct ServerOptions {
  std::string bindAddress = "127.0.0.1";
  uint16_t port = 8080;
  int threads = 16;  // run the I/O loop and the dispatcher: requests answered at once
  int headerTimeoutMs = 10000;
  int keepAliveTimeoutMs = 5000;
  int maxConnections = 1024;
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
  // The bound port (the real one with port 0). Valid after bind().
  uint16_t port() const;
  const std::string& bindAddress() const;
  void stop(std::chrono::milliseconds grace);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ih::host::http
