#include "support/recording_http_server.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <iterator>
#include <mutex>

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>

#include "support/ascii.h"
#include "support/eventually.h"

namespace ih::testing {
// Named (not anonymous) because RecordingHttpServer::Impl, which has external
// linkage, holds a Store.
namespace recording_detail {

struct Store {
  std::mutex mutex;
  std::vector<CapturedRequest> requests;
  std::atomic<int> status{200};
  std::string body;                            // guarded by mutex
  std::map<std::string, std::string> headers;  // guarded by mutex
};

class CaptureHandler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit CaptureHandler(Store& store) : store_(store) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
    CapturedRequest captured;
    captured.method = request.getMethod();
    captured.uri = request.getURI();
    for (const auto& [name, value] : request) captured.headers[detail::lowercase(name)] = value;
    captured.body.assign(std::istreambuf_iterator<char>(request.stream()), std::istreambuf_iterator<char>());
    std::string body;
    {
      std::lock_guard lock(store_.mutex);
      store_.requests.push_back(std::move(captured));
      body = store_.body;
      for (const auto& [name, value] : store_.headers) response.set(name, value);
    }
    response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(store_.status.load()));
    response.setContentLength(static_cast<std::streamsize>(body.size()));
    response.send() << body;
  }

 private:
  Store& store_;
};

class CaptureFactory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit CaptureFactory(Store& store) : store_(store) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new CaptureHandler(store_);
  }

 private:
  Store& store_;
};

}  // namespace recording_detail

using recording_detail::CaptureFactory;
using recording_detail::Store;

std::string CapturedRequest::header(const std::string& name) const {
  auto it = headers.find(detail::lowercase(name));
  return it == headers.end() ? "" : it->second;
}

struct RecordingHttpServer::Impl {
  Store store;
  Poco::Net::ServerSocket socket{Poco::Net::SocketAddress("127.0.0.1", 0)};
  Poco::Net::HTTPServer server{new CaptureFactory(store), socket, new Poco::Net::HTTPServerParams};
};

RecordingHttpServer::RecordingHttpServer(int status) : impl_(std::make_unique<Impl>()) {
  impl_->store.status = status;
  impl_->server.start();
}

RecordingHttpServer::~RecordingHttpServer() { impl_->server.stopAll(true); }

int RecordingHttpServer::port() const { return impl_->socket.address().port(); }

std::string RecordingHttpServer::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port()) + path;
}

void RecordingHttpServer::setStatus(int status) { impl_->store.status = status; }

void RecordingHttpServer::setAnswer(int status, const std::string& body,
                                    const std::map<std::string, std::string>& headers) {
  std::lock_guard lock(impl_->store.mutex);
  impl_->store.body = body;
  impl_->store.headers = headers;
  impl_->store.status = status;
}

std::vector<CapturedRequest> RecordingHttpServer::requests() const {
  std::lock_guard lock(impl_->store.mutex);
  return impl_->store.requests;
}

bool RecordingHttpServer::waitForRequests(std::size_t count, std::chrono::milliseconds timeout) const {
  return eventually([&] { return requests().size() >= count; }, timeout);
}

}  // namespace ih::testing
