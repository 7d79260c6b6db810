// host/http/poco_handler.h - INTERNAL to the server: the Poco request handler
// that adapts a Poco request to a RequestContext, runs the Dispatcher and
// writes the Response back. Only server.cpp and poco_handler.cpp include it.
#pragma once

#include <atomic>

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>

namespace ih::host::http {

class Dispatcher;

class PocoHandler final : public Poco::Net::HTTPRequestHandler {
 public:
  PocoHandler(Dispatcher& dispatcher, std::atomic<int>& inFlight) : dispatcher_(dispatcher), inFlight_(inFlight) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

 private:
  Dispatcher& dispatcher_;
  std::atomic<int>& inFlight_;
};

class PocoHandlerFactory final : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  PocoHandlerFactory(Dispatcher& dispatcher, std::atomic<int>& inFlight)
      : dispatcher_(dispatcher), inFlight_(inFlight) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new PocoHandler(dispatcher_, inFlight_);
  }

 private:
  Dispatcher& dispatcher_;
  std::atomic<int>& inFlight_;
};

}  // namespace ih::host::http
