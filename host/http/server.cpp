#include "http/server.h"

#include <atomic>
#include <optional>
#include <stdexcept>
#include <thread>

#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/ThreadPool.h>

#include "http/dispatcher.h"
#include "http/poco_handler.h"

namespace ih::host::http {

struct HttpServer::Impl {
  ServerOptions options;
  Dispatcher& dispatcher;
  std::atomic<int> inFlight{0};
  std::unique_ptr<Poco::ThreadPool> pool;
  std::optional<Poco::Net::ServerSocket> socket;
  std::unique_ptr<Poco::Net::HTTPServer> server;
  uint16_t port = 0;

  Impl(ServerOptions o, Dispatcher& d) : options(std::move(o)), dispatcher(d) {}
};

HttpServer::HttpServer(ServerOptions options, Dispatcher& dispatcher)
    : impl_(std::make_unique<Impl>(std::move(options), dispatcher)) {}

HttpServer::~HttpServer() { stop(std::chrono::milliseconds(0)); }

void HttpServer::bind() {
  if (impl_->socket) return;
  const ServerOptions& o = impl_->options;
  Poco::Net::ServerSocket socket;
  try {
    // SO_REUSEADDR so a restart can bind while old connections linger in
    // TIME_WAIT; never SO_REUSEPORT (Poco's two-argument bind sets both),
    // which would let a second host share the port instead of exiting 69.
    socket.bind(Poco::Net::SocketAddress(o.bindAddress, o.port), /*reuseAddress=*/true, /*reusePort=*/false);
    socket.listen(128);
  } catch (const Poco::Exception& e) {
    throw std::runtime_error("cannot listen on " + o.bindAddress + ":" + std::to_string(o.port) + ": " +
                             e.displayText());
  }
  impl_->port = socket.address().port();
  impl_->socket = socket;
}

void HttpServer::start() {
  if (impl_->server) return;
  bind();
  const ServerOptions& o = impl_->options;

  Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(o.maxThreads);
  params->setMaxQueued(o.maxQueued);
  params->setTimeout(Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(o.ioTimeoutMs) * 1000));
  params->setKeepAlive(true);
  params->setKeepAliveTimeout(Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(o.keepAliveTimeoutMs) * 1000));
  params->setMaxKeepAliveRequests(o.maxKeepAliveRequests);
  params->setServerName("integration-host");
  // Poco's dispatcher threads re-check "stopped" only when a wait times out,
  // and one of them can miss the stop notification; a short idle time bounds
  // how long stop() then waits in joinAll() (the default 10 s showed up as
  // 10 s stalls). Idle dispatchers just go back to the pool: no thread churn.
  params->setThreadIdleTime(Poco::Timespan(0, 200 * 1000));

  // Its own pool, so stop() can join exactly the request threads.
  impl_->pool = std::make_unique<Poco::ThreadPool>(2, o.maxThreads + 1);
  impl_->server = std::make_unique<Poco::Net::HTTPServer>(
      new PocoHandlerFactory(impl_->dispatcher, impl_->inFlight), *impl_->pool, *impl_->socket, params);
  impl_->server->start();
}

uint16_t HttpServer::port() const { return impl_->port; }

const std::string& HttpServer::bindAddress() const { return impl_->options.bindAddress; }

void HttpServer::stop(std::chrono::milliseconds grace) {
  if (!impl_->server) return;
  impl_->server->stop();  // no new connections
  const auto deadline = std::chrono::steady_clock::now() + grace;
  while (impl_->inFlight.load() > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  // Idle keep-alive connections (and requests past the grace period) end here.
  impl_->server->stopAll(true);
  impl_->pool->joinAll();
  impl_->server.reset();
  impl_->pool.reset();
  impl_->socket.reset();
}

}  // namespace ih::host::http
