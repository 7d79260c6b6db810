// host/http/server.cpp - see server.h. The acceptor, the event loops and the
// graceful stop; each connection's cycle is in connection.cpp.
#include "http/server.h"

#include <Poco/Logger.h>

#include <algorithm>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <stdexcept>
#include <thread>
#include <vector>

#include "http/connection.h"
#include "http/dispatcher.h"
#include "http/front_state.h"
#include "http/io_loops.h"
#include "ops/metrics.h"

namespace ih::host::http {

namespace {

namespace net = boost::asio;
using tcp = net::ip::tcp;

// Connections refused for the cap still hold a socket for up to a second;
// past this many on top of the cap a new one is closed without an answer.
constexpr int kRefusalAllowance = 64;
// After an accept error (out of file descriptors) the acceptor pauses, rather
// than spinning on the error.
constexpr std::chrono::milliseconds kAcceptBackoff{100};

Poco::Logger& serverLogger() { return Poco::Logger::get("ih.http"); }

}  // namespace

void ConnectionRegistry::add(HttpConnection* key, std::weak_ptr<HttpConnection> connection) {
  std::lock_guard lock(mutex_);
  connections_[key] = std::move(connection);
}

void ConnectionRegistry::remove(HttpConnection* key) {
  std::lock_guard lock(mutex_);
  connections_.erase(key);
}

void ConnectionRegistry::forEach(const std::function<void(HttpConnection&)>& visit) {
  std::vector<std::shared_ptr<HttpConnection>> live;
  {
    std::lock_guard lock(mutex_);
    live.reserve(connections_.size());
    for (auto& [key, weak] : connections_) {
      if (auto connection = weak.lock()) live.push_back(std::move(connection));
    }
  }
  for (auto& connection : live) visit(*connection);
}

FrontState::FrontState(ServerOptions o, Dispatcher& d, ops::Metrics& m)
    : options(std::move(o)), dispatcher(d), metrics(m) {}

struct HttpServer::Impl {
  FrontState front;  // outlives the loops: connections left in them use it
  IoLoops loops{static_cast<size_t>(front.options.threads),
                std::chrono::milliseconds(std::min(front.options.headerTimeoutMs, front.options.keepAliveTimeoutMs))};
  tcp::acceptor acceptor{net::make_strand(loops.first())};
  net::steady_timer acceptBackoff{acceptor.get_executor()};
  bool bound = false;
  bool started = false;
  uint16_t port = 0;

  Impl(ServerOptions o, Dispatcher& d) : front(std::move(o), d, d.metrics()) {
    front.metrics.describe(kConnectionsOpen, "Open HTTP connections.");
    front.metrics.describe(kConnectionsRefused, "Connections answered 503 because the connection cap was reached.");
    front.metrics.describe(kConnectionsTimedOut,
                           "Connections closed because a request, an idle wait or a write passed its deadline.");
    front.metrics.gaugeCallback(kConnectionsOpen, [this] { return static_cast<double>(front.open.load()); });
  }
  ~Impl() { front.metrics.removeGaugeCallback(kConnectionsOpen); }

  void acceptNext();
  void onAccept(boost::system::error_code ec, tcp::socket socket);
};

void HttpServer::Impl::acceptNext() {
  acceptor.async_accept(net::make_strand(loops.next()),
                        [this](boost::system::error_code ec, tcp::socket socket) { onAccept(ec, std::move(socket)); });
}

void HttpServer::Impl::onAccept(boost::system::error_code ec, tcp::socket socket) {
  if (ec == net::error::operation_aborted || !acceptor.is_open()) return;  // stopping
  if (ec) {
    serverLogger().warning("accepting a connection failed: %s; pausing the acceptor briefly", ec.message());
    acceptBackoff.expires_after(kAcceptBackoff);
    acceptBackoff.async_wait([this](boost::system::error_code waited) {
      if (!waited && acceptor.is_open()) acceptNext();
    });
    return;
  }
  boost::system::error_code ignored;
  socket.set_option(tcp::no_delay(true), ignored);
  const int open = front.open.load();
  if (open >= front.options.maxConnections + kRefusalAllowance) {
    front.metrics.increment(kConnectionsRefused);
    socket.close(ignored);
  } else if (open >= front.options.maxConnections) {
    std::make_shared<HttpConnection>(std::move(socket), front)->refuse();
  } else {
    std::make_shared<HttpConnection>(std::move(socket), front)->start();
  }
  acceptNext();
}

HttpServer::HttpServer(ServerOptions options, Dispatcher& dispatcher)
    : impl_(std::make_unique<Impl>(std::move(options), dispatcher)) {}

HttpServer::~HttpServer() { stop(std::chrono::milliseconds(0)); }

void HttpServer::bind() {
  if (impl_->bound) return;
  const ServerOptions& o = impl_->front.options;
  try {
    tcp::resolver resolver(impl_->loops.first());
    const tcp::endpoint endpoint = *resolver.resolve(o.bindAddress, std::to_string(o.port)).begin();
    tcp::acceptor& acceptor = impl_->acceptor;
    acceptor.open(endpoint.protocol());
    // SO_REUSEADDR so a restart can bind while old connections linger in
    // TIME_WAIT; never SO_REUSEPORT, which would let a second host share the
    // port instead of exiting 69.
    acceptor.set_option(net::socket_base::reuse_address(true));
    acceptor.bind(endpoint);
    acceptor.listen(net::socket_base::max_listen_connections);
    impl_->port = acceptor.local_endpoint().port();
  } catch (const boost::system::system_error& e) {
    throw std::runtime_error("cannot listen on " + o.bindAddress + ":" + std::to_string(o.port) + ": " +
                             e.code().message());
  }
  impl_->bound = true;
}

void HttpServer::start() {
  if (impl_->started) return;
  bind();
  impl_->started = true;
  net::post(impl_->acceptor.get_executor(), [impl = impl_.get()] { impl->acceptNext(); });
  impl_->loops.start();
}

uint16_t HttpServer::port() const { return impl_->port; }

const std::string& HttpServer::bindAddress() const { return impl_->front.options.bindAddress; }

void HttpServer::stop(std::chrono::milliseconds grace) {
  Impl& impl = *impl_;
  if (!impl.started) {
    boost::system::error_code ignored;
    impl.acceptor.close(ignored);
    return;
  }
  impl.started = false;
  FrontState& front = impl.front;
  front.stopping = true;
  net::post(impl.acceptor.get_executor(), [&impl] {
    boost::system::error_code ignored;
    impl.acceptor.close(ignored);
    impl.acceptBackoff.cancel();
  });
  front.registry.forEach([](HttpConnection& c) { c.closeIfIdle(); });
  const auto deadline = std::chrono::steady_clock::now() + grace;
  while (front.inFlight.load() > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  // Requests past the grace period (and anything still reading) end here.
  front.registry.forEach([](HttpConnection& c) { c.closeNow(); });
  const auto closing = std::chrono::steady_clock::now() + std::chrono::seconds(1);
  while (front.open.load() > 0 && std::chrono::steady_clock::now() < closing) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  // A handler still running finishes first: it uses the dispatcher (each is
  // bounded by its own deadlines).
  impl.loops.stop();
}

}  // namespace ih::host::http
