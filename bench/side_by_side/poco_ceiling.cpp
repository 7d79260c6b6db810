// ih-bench-poco-ceiling: the ceiling of the side-by-side benchmark - a bare
// Poco HTTPServer that reads each request body and answers 200 "{}", with no
// routing, storage or plugin work. Whatever the host does per delivery is the
// difference between its rate and this one (scripts/bench --side-by-side).
//
//   ih-bench-poco-ceiling [PORT]     PORT 0 (default) picks a free one
// Prints "listening on http://127.0.0.1:PORT" once serving; stops on SIGTERM.
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/NullStream.h>
#include <Poco/StreamCopier.h>

#include <csignal>
#include <cstdlib>
#include <iostream>

namespace {

class AnswerOk final : public Poco::Net::HTTPRequestHandler {
 public:
  void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
    Poco::NullOutputStream discard;
    Poco::StreamCopier::copyStream(request.stream(), discard);
    response.setContentType("application/json");
    response.setContentLength(2);
    response.send() << "{}";
  }
};

class AnswerOkFactory final : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new AnswerOk;
  }
};

}  // namespace

int main(int argc, char** argv) {
  const auto port = static_cast<Poco::UInt16>(argc > 1 ? std::atoi(argv[1]) : 0);
  sigset_t stopSignals;
  sigemptyset(&stopSignals);
  sigaddset(&stopSignals, SIGTERM);
  sigaddset(&stopSignals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);  // server threads inherit the mask

  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", port));
  auto* params = new Poco::Net::HTTPServerParams;
  params->setKeepAlive(true);
  params->setMaxKeepAliveRequests(0);  // unlimited, as the host's load is
  params->setMaxThreads(16);
  Poco::Net::HTTPServer server(new AnswerOkFactory, socket, params);
  server.start();
  std::cout << "listening on http://127.0.0.1:" << socket.address().port() << std::endl;
  int received = 0;
  sigwait(&stopSignals, &received);
  server.stop();
  return 0;
}
