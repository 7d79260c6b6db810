// Unit tests for PocoOutboundClient against local servers on port 0: status,
// headers and body; no redirect following; timeout, refused port, reset and a
// truncated body classified as the ABI's transport errors.
#include <gtest/gtest.h>

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>

#include <chrono>
#include <functional>
#include <sstream>
#include <thread>
#include <utility>
#include <vector>

#include "http/outbound_client.h"

namespace ih::host::http {
namespace {

using namespace Poco::Net;

class TestHandler : public HTTPRequestHandler {
 public:
  void handleRequest(HTTPServerRequest& request, HTTPServerResponse& response) override {
    std::string body;
    Poco::StreamCopier::copyToString(request.stream(), body);
    const std::string& uri = request.getURI();
    if (uri == "/created") {
      response.setStatus(HTTPResponse::HTTP_CREATED);
      response.set("X-Test", "yes");
      response.send() << "created";
    } else if (uri.rfind("/echo", 0) == 0) {
      response.setContentType("text/plain");
      response.send() << request.getMethod() << " " << uri << " " << request.get("X-Token", "-") << " " << body;
    } else if (uri == "/redirect") {
      response.setStatus(HTTPResponse::HTTP_FOUND);
      response.set("Location", "/elsewhere");
      response.send();
    } else if (uri == "/slow") {
      std::this_thread::sleep_for(std::chrono::milliseconds(1000));
      response.send() << "late";
    } else {
      response.setStatus(HTTPResponse::HTTP_NOT_FOUND);
      response.send() << "nope";
    }
  }
};

class TestFactory : public HTTPRequestHandlerFactory {
 public:
  HTTPRequestHandler* createRequestHandler(const HTTPServerRequest&) override { return new TestHandler; }
};

class LocalServer {
 public:
  LocalServer() : socket_(SocketAddress("127.0.0.1", 0)), server_(new TestFactory, socket_, new HTTPServerParams) {
    server_.start();
  }
  // Waits (bounded) for handlers still running, e.g. the slow one a timed-out
  // client left behind, so none outlives the test.
  ~LocalServer() {
    server_.stop();
    for (int i = 0; i < 100 && server_.currentConnections() > 0; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(socket_.address().port()) + path;
  }

 private:
  ServerSocket socket_;
  HTTPServer server_;
};

// A raw TCP peer that reads the request and then misbehaves.
class RawPeer {
 public:
  explicit RawPeer(std::function<void(StreamSocket&)> behaviour)
      : socket_(SocketAddress("127.0.0.1", 0)), thread_([this, behaviour] {
          StreamSocket peer = socket_.acceptConnection();
          char buffer[4096];
          peer.receiveBytes(buffer, sizeof buffer);
          behaviour(peer);
        }) {}
  ~RawPeer() { thread_.join(); }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(socket_.address().port()) + "/"; }

 private:
  ServerSocket socket_;
  std::thread thread_;
};

OutboundRequest get(const std::string& url, uint32_t timeoutMs = 5000) {
  OutboundRequest request;
  request.url = url;
  request.timeoutMs = timeoutMs;
  return request;
}

std::string header(const OutboundResponse& response, const std::string& name) {
  for (const auto& [key, value] : response.headers) {
    if (key == name) return value;
  }
  return {};
}

TEST(OutboundClient, ReturnsStatusHeadersAndBody) {
  LocalServer server;
  PocoOutboundClient client;
  auto result = client.send(get(server.url("/created")));
  ASSERT_EQ(result.error, TransportError::None) << result.errorText;
  EXPECT_EQ(result.response.status, 201);
  EXPECT_EQ(header(result.response, "X-Test"), "yes");
  EXPECT_EQ(result.response.body, "created");
}

TEST(OutboundClient, SendsMethodHeadersQueryAndBody) {
  LocalServer server;
  PocoOutboundClient client;
  OutboundRequest request = get(server.url("/echo?a=1&b=two"));
  request.method = "POST";
  request.headers = {{"X-Token", "t0k"}, {"Content-Type", "application/json"}};
  request.body = R"({"x":1})";
  auto result = client.send(request);
  ASSERT_EQ(result.error, TransportError::None) << result.errorText;
  EXPECT_EQ(result.response.status, 200);
  EXPECT_EQ(result.response.body, R"(POST /echo?a=1&b=two t0k {"x":1})");
}

TEST(OutboundClient, HttpErrorStatusIsNotATransportError) {
  LocalServer server;
  PocoOutboundClient client;
  auto result = client.send(get(server.url("/missing")));
  EXPECT_EQ(result.error, TransportError::None);
  EXPECT_EQ(result.response.status, 404);
}

TEST(OutboundClient, NeverFollowsRedirects) {
  LocalServer server;
  PocoOutboundClient client;
  auto result = client.send(get(server.url("/redirect")));
  ASSERT_EQ(result.error, TransportError::None);
  EXPECT_EQ(result.response.status, 302);
  EXPECT_EQ(header(result.response, "Location"), "/elsewhere");
}

TEST(OutboundClient, WholeExchangeTimeout) {
  LocalServer server;
  PocoOutboundClient client;
  const auto started = std::chrono::steady_clock::now();
  auto result = client.send(get(server.url("/slow"), 300));
  const auto elapsed = std::chrono::steady_clock::now() - started;
  EXPECT_EQ(result.error, TransportError::Timeout);
  EXPECT_EQ(result.errorText, "Timed out attempting to reach host: 127.0.0.1");
  EXPECT_LT(elapsed, std::chrono::milliseconds(1200));
}

// Poco's timeouts bound each receive, not the exchange: a server that keeps
// every receive short (a byte now and then, or "100 Continue" again and
// again) must still be cut off at the exchange's deadline.
TEST(OutboundClient, ADripFeedingServerIsCutOffAtTheDeadline) {
  const std::vector<std::pair<std::string, std::string>> drips = {
      {"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n", "x"},
      {"", "HTTP/1.1 100 Continue\r\n\r\n"},
  };
  for (const auto& [head, drip] : drips) {
    RawPeer peer([head = head, drip = drip](StreamSocket& socket) {
      try {
        if (!head.empty()) socket.sendBytes(head.data(), static_cast<int>(head.size()));
        for (int i = 0; i < 40; ++i) {  // 4 s at most; ends once the client is gone
          std::this_thread::sleep_for(std::chrono::milliseconds(100));
          socket.sendBytes(drip.data(), static_cast<int>(drip.size()));
        }
      } catch (const Poco::Exception&) {
      }
    });
    PocoOutboundClient client;
    const auto started = std::chrono::steady_clock::now();
    auto result = client.send(get(peer.url(), 600));
    const auto elapsed = std::chrono::steady_clock::now() - started;
    EXPECT_EQ(result.error, TransportError::Timeout) << drip;
    EXPECT_LT(elapsed, std::chrono::milliseconds(1500)) << drip;
  }
}

// The same over TLS, during the handshake: a server that announces a large
// handshake record and sends it a byte at a time.
TEST(OutboundClient, ADripFedTlsHandshakeIsCutOffAtTheDeadline) {
  RawPeer peer([](StreamSocket& socket) {  // the client's hello was read
    try {
      const char recordHeader[] = {0x16, 0x03, 0x03, 0x40, 0x00};  // handshake, TLS 1.2, 16 KiB
      socket.sendBytes(recordHeader, sizeof recordHeader);
      for (int i = 0; i < 40; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        socket.sendBytes("\x02", 1);
      }
    } catch (const Poco::Exception&) {
    }
  });
  std::string url = peer.url();
  url.replace(0, 4, "https");
  PocoOutboundClient client;
  const auto started = std::chrono::steady_clock::now();
  auto result = client.send(get(url, 600));
  const auto elapsed = std::chrono::steady_clock::now() - started;
  EXPECT_EQ(result.error, TransportError::Timeout) << result.cause;
  EXPECT_LT(elapsed, std::chrono::milliseconds(1500));
}

// A body beyond 32 MiB is not kept: a server streaming for the whole
// deadline would otherwise fill the host's memory.
TEST(OutboundClient, AnOversizedBodyIsRefused) {
  RawPeer peer([](StreamSocket& socket) {
    try {
      const std::string head = "HTTP/1.1 200 OK\r\nContent-Length: 41943040\r\n\r\n";  // 40 MiB
      socket.sendBytes(head.data(), static_cast<int>(head.size()));
      const std::string chunk(1 << 20, 'x');
      for (int i = 0; i < 40; ++i) socket.sendBytes(chunk.data(), static_cast<int>(chunk.size()));
    } catch (const Poco::Exception&) {
    }
  });
  PocoOutboundClient client;
  auto result = client.send(get(peer.url()));
  EXPECT_EQ(result.error, TransportError::Reset);
  EXPECT_EQ(result.cause, "the response body is larger than 32 MiB");
  EXPECT_TRUE(result.response.body.empty());
}

TEST(OutboundClient, RefusedPortIsUnreachable) {
  Poco::UInt16 port;
  {
    ServerSocket probe(SocketAddress("127.0.0.1", 0));
    port = probe.address().port();
  }
  PocoOutboundClient client;
  auto result = client.send(get("http://127.0.0.1:" + std::to_string(port) + "/"));
  EXPECT_EQ(result.error, TransportError::Unreachable);
  EXPECT_EQ(result.errorText, "Unable to reach host: 127.0.0.1");
  EXPECT_NE(result.cause.find("refused"), std::string::npos) << result.cause;
}

TEST(OutboundClient, ResetMidResponse) {
  RawPeer peer([](StreamSocket& socket) {
    socket.sendBytes("HTTP/1.1 200 OK\r\nContent-Le", 27);
    socket.setLinger(true, 0);  // close with RST
    socket.close();
  });
  PocoOutboundClient client;
  auto result = client.send(get(peer.url()));
  EXPECT_EQ(result.error, TransportError::Reset);
  EXPECT_EQ(result.errorText, "Connection reset by peer");
}

TEST(OutboundClient, TruncatedBodyIsReset) {
  RawPeer peer([](StreamSocket& socket) {
    std::string head = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort";
    socket.sendBytes(head.data(), static_cast<int>(head.size()));
    socket.close();
  });
  PocoOutboundClient client;
  auto result = client.send(get(peer.url()));
  EXPECT_EQ(result.error, TransportError::Reset);
}

TEST(OutboundClient, EmptyResponseIsReset) {
  RawPeer peer([](StreamSocket& socket) { socket.close(); });
  PocoOutboundClient client;
  auto result = client.send(get(peer.url()));
  EXPECT_EQ(result.error, TransportError::Reset);
}

TEST(OutboundClient, InvalidRequestsAreRefusedBeforeConnecting) {
  PocoOutboundClient client;
  EXPECT_EQ(client.send(get("ftp://example.test/")).error, TransportError::InvalidRequest);
  EXPECT_EQ(client.send(get("not a url")).error, TransportError::InvalidRequest);
  OutboundRequest injected = get("http://127.0.0.1:1/");
  injected.headers = {{"X-Evil", "a\r\nHost: other"}};
  EXPECT_EQ(client.send(injected).error, TransportError::InvalidRequest);
}

// SSRF: the deny list is checked on the address the name resolves to, so
// neither a literal, nor a name, nor an IPv4-mapped IPv6 form reaches a
// denied network; nothing is sent there.
TEST(OutboundClient, DeniedAddressesAreNeverContacted) {
  LocalServer server;
  PocoOutboundClient open;
  ASSERT_EQ(open.send(get(server.url("/created"))).response.status, 201);
  PocoOutboundClient guarded({}, AddressDenyList::parse("127.0.0.0/8, ::1"));
  const std::string port = server.url("").substr(server.url("").rfind(':'));
  for (const std::string& url : {server.url("/created"), "http://localhost" + port + "/created",
                                 "http://[::ffff:127.0.0.1]" + port + "/created"}) {
    auto result = guarded.send(get(url));
    EXPECT_EQ(result.error, TransportError::Unreachable) << url;
    EXPECT_EQ(result.cause, kOutboundDeniedCause) << url;
    EXPECT_EQ(result.response.status, 0) << url;
  }
  PocoOutboundClient otherNetworks({}, AddressDenyList::parse(std::string(kDefaultOutboundDeny)));
  EXPECT_EQ(otherNetworks.send(get(server.url("/created"))).response.status, 201);  // loopback allowed by default
  EXPECT_EQ(otherNetworks.send(get("http://169.254.169.254/latest/meta-data/")).cause, kOutboundDeniedCause);
  EXPECT_EQ(otherNetworks.send(get("http://0.0.0.0" + port + "/created")).cause, kOutboundDeniedCause);
  EXPECT_EQ(otherNetworks.send(get("http://[::]" + port + "/created")).cause, kOutboundDeniedCause);
}

TEST(OutboundClient, DenyListsParseCidrsAndRefuseNonsense) {
  const auto list = AddressDenyList::parse(" 10.0.0.0/8 ,fe80::/10,192.168.1.7");
  using Poco::Net::IPAddress;
  EXPECT_TRUE(list.denies(IPAddress("10.200.1.1")));
  EXPECT_FALSE(list.denies(IPAddress("11.0.0.1")));
  EXPECT_TRUE(list.denies(IPAddress("fe80::1")));
  EXPECT_TRUE(list.denies(IPAddress("192.168.1.7")));
  EXPECT_FALSE(list.denies(IPAddress("192.168.1.8")));
  EXPECT_TRUE(list.denies(IPAddress("::ffff:10.1.2.3")));
  // "::" reaches the local host like 0.0.0.0, and is denied with it.
  const auto thisNetwork = AddressDenyList::parse(std::string(kDefaultOutboundDeny));
  EXPECT_TRUE(thisNetwork.denies(IPAddress("::")));
  EXPECT_TRUE(thisNetwork.denies(IPAddress("0.0.0.0")));
  EXPECT_FALSE(thisNetwork.denies(IPAddress("::1")));
  EXPECT_FALSE(list.denies(IPAddress("::")));
  EXPECT_TRUE(AddressDenyList::parse("").empty());
  for (const char* bad : {"10.0.0.0/33", "fe80::/129", "example.test", "10.0.0.0/", "10.0.0.0/8x"}) {
    EXPECT_THROW(AddressDenyList::parse(bad), std::invalid_argument) << bad;
  }
}

}  // namespace
}  // namespace ih::host::http
