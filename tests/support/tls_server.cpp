#include "support/tls_server.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/ThreadPool.h>

namespace ih::testing {
namespace {

using namespace Poco::Net;

class HelloHandler : public HTTPRequestHandler {
 public:
  void handleRequest(HTTPServerRequest&, HTTPServerResponse& response) override { response.send() << "hello over tls"; }
};

class HelloFactory : public HTTPRequestHandlerFactory {
 public:
  HTTPRequestHandler* createRequestHandler(const HTTPServerRequest&) override { return new HelloHandler; }
};

}  // namespace

struct LocalTlsServer::Impl {
  explicit Impl(const TlsFiles& files)
      : context(new Context(Context::TLS_SERVER_USE, files.serverPrivateKey, files.serverCertificate, "",
                            Context::VERIFY_NONE)),
        socket(SocketAddress("127.0.0.1", 0), 64, context),
        server(new HelloFactory, threads, socket, new HTTPServerParams) {
    server.start();
  }
  ~Impl() { server.stopAll(true); }

  Context::Ptr context;
  SecureServerSocket socket;
  // The server's own threads, joined when the server goes (this member is
  // destroyed after `server`). On Poco's default pool they lived until the
  // process exited, after OpenSSL's exit-time cleanup had dropped the
  // thread-local keys holding each handshake thread's error queue and random
  // generators: LeakSanitizer then reported about 10 KB of libcrypto
  // allocations per test. A joined thread frees them as it ends.
  Poco::ThreadPool threads{1, 4};
  HTTPServer server;
};

LocalTlsServer::LocalTlsServer(const TlsFiles& files) : impl_(std::make_unique<Impl>(files)) {}
LocalTlsServer::~LocalTlsServer() = default;
int LocalTlsServer::port() const { return impl_->socket.address().port(); }

}  // namespace ih::testing
