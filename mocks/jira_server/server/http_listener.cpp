#include "server/http_listener.h"

#include <cctype>
#include <chrono>
#include <map>
#include <mutex>
#include <iterator>
#include <thread>

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>

#include "fixtures/replayer.h"
#include "server/dispatcher.h"

namespace ih::mock {
namespace {

using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

HttpRequest convert(HTTPServerRequest& in) {
  HttpRequest request;
  request.method = in.getMethod();
  const auto& uri = in.getURI();
  const auto question = uri.find('?');
  request.path = uri.substr(0, question);
  if (question != std::string::npos) request.rawQuery = uri.substr(question + 1);
  for (const auto& [name, value] : in) request.headers.emplace_back(lowercase(name), value);
  request.body.assign(std::istreambuf_iterator<char>(in.stream()), std::istreambuf_iterator<char>());
  return request;
}

std::string reasonFor(int status) {
  if (status == kReplayMismatchStatus) return "Replay Mismatch";
  return Poco::Net::HTTPResponse::getReasonForStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
}

// Closes the connection without an answer: with RST (`reset`, the client sees
// "connection reset") or with FIN (the client sees the answer end before it began).
void closeWithoutAnswer(HTTPServerRequest& request, HTTPServerResponse& response, bool reset) {
  auto& impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl&>(request);
  auto socket = impl.detachSocket();
  if (reset) socket.setLinger(true, 0);
  socket.close();
  response.setKeepAlive(false);
}

// Header names go out in the casing Jira uses (X-AUSERNAME, WWW-Authenticate, Retry-After).
std::string canonicalHeaderName(const std::string& lower) {
  static const std::map<std::string, std::string> kSpecial = {
      {"www-authenticate", "WWW-Authenticate"}, {"x-ausername", "X-AUSERNAME"}, {"x-arequestid", "X-AREQUESTID"},
      {"x-ratelimit-limit", "X-RateLimit-Limit"}, {"x-ratelimit-remaining", "X-RateLimit-Remaining"},
      {"x-ratelimit-interval-seconds", "X-RateLimit-Interval-Seconds"}, {"x-ratelimit-fillrate", "X-RateLimit-FillRate"}};
  if (auto it = kSpecial.find(lower); it != kSpecial.end()) return it->second;
  std::string name = lower;
  bool startOfWord = true;
  for (auto& c : name) {
    if (startOfWord) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    startOfWord = c == '-';
  }
  return name;
}

void write(const HttpResponse& answer, const HttpRequest& request, HTTPServerResponse& out) {
  out.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(answer.status), reasonFor(answer.status));
  for (const auto& [name, value] : answer.headers) {
    if (name == "content-type") {
      out.setContentType(value);
    } else {
      out.add(canonicalHeaderName(name), value);
    }
  }
  const bool bodyless = answer.status == 204 || answer.status == 304 || request.method == "HEAD";
  out.setContentLength(static_cast<std::streamsize>(bodyless ? 0 : answer.body.size()));
  if (bodyless) {
    out.send();
  } else {
    out.sendBuffer(answer.body.data(), answer.body.size());
  }
}

class MockRequestHandler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit MockRequestHandler(Dispatcher& dispatcher) : dispatcher_(dispatcher) {}

  void handleRequest(HTTPServerRequest& in, HTTPServerResponse& out) override {
    HttpResponse answer;
    HttpRequest request;
    try {
      request = convert(in);
      answer = dispatcher_.handle(request);
    } catch (const std::exception& e) {
      answer = HttpResponse::text(500, std::string("mock-jira internal error: ") + e.what(), "text/plain");
    }
    if (answer.delayMs > 0) std::this_thread::sleep_for(std::chrono::milliseconds(answer.delayMs));
    if (answer.fault != TransportFault::kNone) {
      closeWithoutAnswer(in, out, answer.fault == TransportFault::kConnectionReset);
      return;
    }
    write(answer, request, out);
  }

 private:
  Dispatcher& dispatcher_;
};

class MockRequestHandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit MockRequestHandlerFactory(Dispatcher& dispatcher) : dispatcher_(dispatcher) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const HTTPServerRequest&) override {
    return new MockRequestHandler(dispatcher_);
  }

 private:
  Dispatcher& dispatcher_;
};

}  // namespace

struct HttpListener::Impl {
  std::unique_ptr<Poco::Net::ServerSocket> socket;
  std::unique_ptr<Poco::Net::HTTPServer> server;

  int listen(std::unique_ptr<Poco::Net::ServerSocket> unbound, const std::string& address, int port) {
    socket = std::move(unbound);
    socket->bind(Poco::Net::SocketAddress(address, static_cast<Poco::UInt16>(port)), true);
    socket->listen(64);
    return socket->address().port();
  }
};

HttpListener::HttpListener() : impl_(std::make_unique<Impl>()) {}

HttpListener::~HttpListener() { stop(); }

int HttpListener::bind(const std::string& address, int port) {
  return impl_->listen(std::make_unique<Poco::Net::ServerSocket>(), address, port);
}

int HttpListener::bindTls(const std::string& address, int port, const std::string& certFile,
                          const std::string& keyFile) {
  static std::once_flag initialised;
  std::call_once(initialised, [] { Poco::Net::initializeSSL(); });
  using Poco::Net::Context;
  Context::Ptr context = new Context(Context::TLS_SERVER_USE, keyFile, certFile, "", Context::VERIFY_NONE);
  return impl_->listen(std::make_unique<Poco::Net::SecureServerSocket>(context), address, port);
}

void HttpListener::start(Dispatcher& dispatcher) {
  auto* params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(32);
  params->setMaxQueued(128);
  params->setKeepAlive(true);
  params->setTimeout(Poco::Timespan(30, 0));
  // A dispatcher thread waits for work up to the idle time (10 s by default)
  // and can miss the stop notification; at exit Poco's default thread pool
  // joins it, so the mock lingered up to 10 s after SIGTERM (seen as exit
  // 137 in the record/replay test). A short idle time bounds that wait.
  params->setThreadIdleTime(Poco::Timespan(0, 200 * 1000));
  impl_->server =
      std::make_unique<Poco::Net::HTTPServer>(new MockRequestHandlerFactory(dispatcher), *impl_->socket, params);
  impl_->server->start();
}

void HttpListener::stop() {
  if (impl_ && impl_->server) {
    impl_->server->stopAll(true);
    impl_->server.reset();
  }
}

}  // namespace ih::mock
