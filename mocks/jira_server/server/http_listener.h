// The only place that speaks Poco::Net server APIs: binds the listening socket, converts
// each Poco request into an HttpRequest for the Dispatcher, and writes the answer back
// (after any injected delay), or aborts the connection for a reset fault.
#pragma once

#include <memory>
#include <string>

namespace ih::mock {

class Dispatcher;

class HttpListener {
 public:
  HttpListener();
  ~HttpListener();

  // Binds now so the real port is known before the runtime is built; returns that port.
  int bind(const std::string& address, int port);
  // The same, speaking HTTPS with the PEM certificate and key (throws Poco's
  // SSL exceptions when they cannot be loaded).
  int bindTls(const std::string& address, int port, const std::string& certFile, const std::string& keyFile);
  void start(Dispatcher& dispatcher);
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ih::mock
