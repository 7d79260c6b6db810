// The HTTP front's limits over raw loopback sockets: slow and silent clients
// hold no thread and are closed at the request deadline, idle kept-alive
// connections at the idle timeout; the connection cap answers 503 clearly; a
// request waiting on a slow dependency does not hold up others; Expect:
// 100-continue, HEAD framing, malformed and oversized requests; a header that
// is not valid HTTP never reaches the wire.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <vector>

#include "common/blocking_section.h"
#include "http/dispatcher.h"
#include "http/router.h"
#include "http/server.h"
#include "ops/metrics.h"
#include "support/eventually.h"
#include "support/gate.h"
#include "support/raw_connection.h"

namespace ih::host::http {
namespace {

using ih::testing::eventually;
using ih::testing::RawConnection;
using namespace std::chrono_literals;

std::string get(const std::string& path, bool keepAlive = false) {
  return "GET " + path + " HTTP/1.1\r\nHost: t\r\n" + (keepAlive ? "" : "Connection: close\r\n") + "\r\n";
}

class FrontLimitsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router.add("GET", "/hello", [](RequestContext&) { return Response::json(200, R"({"hello":true})"); });
    router.add("HEAD", "/hello", [](RequestContext&) { return Response::json(200, R"({"hello":true})"); });
    router.add("POST", "/echo", [](RequestContext& ctx) {
      return Response::json(200, "{\"size\":" + std::to_string(ctx.body.size()) + "}");
    });
    router.add("GET", "/block", [this](RequestContext&) {
      ++blocked;
      release.wait();
      return Response::json(200, R"({"released":true})");
    });
    router.add("GET", "/wait", [this](RequestContext&) {
      BlockingSection waiting;  // what a plugin call does while it waits
      ++blocked;
      release.wait();
      return Response::json(200, R"({"waited":true})");
    });
    router.add("GET", "/inject", [](RequestContext&) {
      return Response::json(200, "{}").header("X-Note", "fine\r\nSet-Cookie: stolen=1");
    });
  }

  void TearDown() override {
    release.open();
    if (server) server->stop(2s);
  }

  void start(ServerOptions options) {
    options.port = 0;
    server = std::make_unique<HttpServer>(options, dispatcher);
    server->start();
  }

  uint16_t port() const { return server->port(); }

  // One complete request on a fresh connection; "" when no answer came.
  std::string fetch(const std::string& path, std::chrono::milliseconds timeout = 3s) {
    RawConnection c(port());
    c.send(get(path));
    return c.readResponse(timeout);
  }

  Router router;
  ops::Metrics metrics;
  Dispatcher dispatcher{router, metrics, 1000};
  std::unique_ptr<HttpServer> server;
  ih::testing::Gate release;
  std::atomic<int> blocked{0};
};

TEST_F(FrontLimitsTest, SlowAndSilentClientsHoldNoThread) {
  ServerOptions options;
  options.threads = 2;
  options.headerTimeoutMs = 10000;
  start(options);
  // More slow clients than threads: each is mid-request, none complete.
  std::vector<std::unique_ptr<RawConnection>> slow;
  for (int i = 0; i < 8; ++i) {
    slow.push_back(std::make_unique<RawConnection>(port()));
    if (i % 2 == 0) slow.back()->send("GET /hello HTTP/1.1\r\nHo");
  }
  std::string answer = fetch("/hello");
  EXPECT_EQ(answer.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << answer;
  EXPECT_NE(answer.find(R"({"hello":true})"), std::string::npos);
}

TEST_F(FrontLimitsTest, ARequestNotCompleteByTheDeadlineIsClosed) {
  ServerOptions options;
  options.headerTimeoutMs = 400;
  start(options);
  RawConnection dribbling(port());
  RawConnection silent(port());
  const auto started = std::chrono::steady_clock::now();
  const std::string request = get("/hello");
  // One byte every 50 ms would take far longer than the deadline.
  bool closed = false;
  for (size_t i = 0; i < request.size() && !closed; ++i) {
    closed = !dribbling.send(request.substr(i, 1)) || dribbling.closedByPeer(50ms);
  }
  EXPECT_TRUE(closed || dribbling.closedByPeer(2s)) << "a dribbling client must be closed at the deadline";
  EXPECT_EQ(dribbling.received(), "") << "closed without an answer";
  EXPECT_LT(std::chrono::steady_clock::now() - started, 3s);
  EXPECT_TRUE(silent.closedByPeer(2s)) << "a client that sends nothing is closed at the same deadline";
  EXPECT_TRUE(eventually([&] {
    return metrics.value("ih_http_connections_timed_out_total", {{"phase", "request"}}) >= 2.0;
  }));
}

TEST_F(FrontLimitsTest, AnIdleKeptAliveConnectionIsClosedAfterTheIdleTimeout) {
  ServerOptions options;
  options.headerTimeoutMs = 10000;
  options.keepAliveTimeoutMs = 300;
  start(options);
  RawConnection c(port());
  c.send(get("/hello", /*keepAlive=*/true));
  EXPECT_EQ(c.readResponse().rfind("HTTP/1.1 200", 0), 0u);
  c.send(get("/hello", /*keepAlive=*/true));  // kept alive: a second request on it
  EXPECT_EQ(c.readResponse().rfind("HTTP/1.1 200", 0), 0u);
  const auto idleFrom = std::chrono::steady_clock::now();
  EXPECT_TRUE(c.closedByPeer(3s));
  EXPECT_LT(std::chrono::steady_clock::now() - idleFrom, 2s) << "closed by the idle timeout, not the deadline";
}

TEST_F(FrontLimitsTest, TheLastAnswerOnAConnectionSaysItCloses) {
  ServerOptions options;
  options.maxKeepAliveRequests = 3;
  start(options);
  RawConnection c(port());
  for (int i = 1; i <= 3; ++i) {
    c.send(get("/hello", /*keepAlive=*/true));
    const std::string answer = c.readResponse();
    EXPECT_EQ(answer.rfind("HTTP/1.1 200", 0), 0u) << answer;
    EXPECT_EQ(answer.find("Connection: close") != std::string::npos, i == 3) << "answer " << i << ": " << answer;
  }
  EXPECT_TRUE(c.closedByPeer(3s));
}

TEST_F(FrontLimitsTest, TheConnectionCapRefusesClearlyAndRecovers) {
  ServerOptions options;
  options.maxConnections = 3;
  start(options);
  std::vector<std::unique_ptr<RawConnection>> held;
  for (int i = 0; i < 3; ++i) held.push_back(std::make_unique<RawConnection>(port()));
  ASSERT_TRUE(eventually([&] { return metrics.value("ih_http_connections_open") == 3.0; }));
  RawConnection refused(port());
  const std::string answer = refused.readResponse();
  EXPECT_EQ(answer.rfind("HTTP/1.1 503 Service Unavailable\r\n", 0), 0u) << answer;
  EXPECT_NE(answer.find("Connection: close"), std::string::npos);
  EXPECT_NE(answer.find(R"({"detail":"Too many connections; try again shortly."})"), std::string::npos);
  EXPECT_TRUE(refused.closedByPeer(3s));
  EXPECT_EQ(metrics.value("ih_http_connections_refused_total"), 1.0);

  held.clear();
  EXPECT_TRUE(eventually([&] { return fetch("/hello").rfind("HTTP/1.1 200", 0) == 0; }));
}

TEST_F(FrontLimitsTest, ARequestWaitingOnASlowCallDoesNotHoldUpOthers) {
  ServerOptions options;
  options.threads = 1;
  start(options);
  RawConnection waiting(port());
  waiting.send(get("/wait"));
  ASSERT_TRUE(eventually([&] { return blocked.load() == 1; }));
  // The only runner waits in a BlockingSection: another one serves meanwhile.
  const std::string answer = fetch("/hello");
  EXPECT_EQ(answer.rfind("HTTP/1.1 200", 0), 0u) << answer;
  release.open();
  EXPECT_EQ(waiting.readResponse().rfind("HTTP/1.1 200", 0), 0u);
}

TEST_F(FrontLimitsTest, ExpectContinueGetsAContinueUnlessTheBodyIsTooLarge) {
  start(ServerOptions{});
  RawConnection c(port());
  c.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
  EXPECT_EQ(c.readUntil("\r\n\r\n"), "HTTP/1.1 100 Continue\r\n\r\n");
  c.send("12345");
  const std::string answer = c.readResponse();
  EXPECT_EQ(answer.rfind("HTTP/1.1 200", 0), 0u) << answer;
  EXPECT_NE(answer.find(R"({"size":5})"), std::string::npos);

  RawConnection big(port());
  big.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5000\r\nExpect: 100-continue\r\n\r\n");
  const std::string refused = big.readResponse();
  EXPECT_EQ(refused.rfind("HTTP/1.1 413", 0), 0u) << "no 100 Continue for a body that will be refused: " << refused;
  EXPECT_NE(refused.find(R"({"detail":"Request body too large"})"), std::string::npos);
  EXPECT_TRUE(big.closedByPeer(3s));
}

TEST_F(FrontLimitsTest, HeadAnswersTheLengthWithoutABody) {
  start(ServerOptions{});
  RawConnection c(port());
  c.send("HEAD /hello HTTP/1.1\r\nHost: t\r\n\r\n");
  const std::string head = c.readUntil("\r\n\r\n");
  EXPECT_EQ(head.rfind("HTTP/1.1 200", 0), 0u) << head;
  EXPECT_NE(head.find("Content-Length: 14\r\n"), std::string::npos) << head;
  // The next answer on the connection follows at once: no body bytes in between.
  c.send(get("/hello"));
  const std::string next = c.readResponse();
  EXPECT_EQ(next.rfind("HTTP/1.1 200", 0), 0u) << next;
}

TEST_F(FrontLimitsTest, MalformedAndOversizedRequestsAreRefused) {
  start(ServerOptions{});
  RawConnection garbage(port());
  garbage.send("\x01\x02 / HTTP/1.1\r\n\r\n");
  const std::string bad = garbage.readResponse();
  EXPECT_EQ(bad.rfind("HTTP/1.1 400", 0), 0u) << bad;
  EXPECT_NE(bad.find(R"({"detail":"Malformed HTTP request"})"), std::string::npos);
  EXPECT_TRUE(garbage.closedByPeer(3s));

  RawConnection huge(port());
  huge.send("GET /hello HTTP/1.1\r\nHost: t\r\nX-Big: " + std::string(64 * 1024, 'a') + "\r\n\r\n");
  const std::string tooLarge = huge.readResponse();
  EXPECT_EQ(tooLarge.rfind("HTTP/1.1 431", 0), 0u) << tooLarge.substr(0, 200);

  RawConnection chunked(port());
  chunked.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n");
  for (int i = 0; i < 4; ++i) chunked.send("1f4\r\n" + std::string(500, 'x') + "\r\n");
  chunked.send("0\r\n\r\n");
  const std::string refused = chunked.readResponse();
  EXPECT_EQ(refused.rfind("HTTP/1.1 413", 0), 0u) << refused;
  EXPECT_EQ(metrics.value("ih_http_requests_total", {{"route", "/echo"}, {"method", "POST"}, {"status", "413"}}), 1.0);
}

// A chunk's size line and the trailer are parsed only once complete, beyond
// both the header and the body limit: the host must refuse an endless one
// early, not hold everything the client sends until the request deadline.
TEST_F(FrontLimitsTest, AnEndlessChunkLineOrTrailerIsRefusedEarly) {
  start(ServerOptions{});
  for (const std::string opening : {"1;x=", "0\r\nX-Trailer: "}) {
    RawConnection endless(port());
    endless.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n" + opening);
    for (int i = 0; i < 8; ++i) endless.send(std::string(64 * 1024, 'a'));  // 512 KiB, and never a CRLF
    const std::string refused = endless.readResponse(2s);
    EXPECT_EQ(refused.rfind("HTTP/1.1 400", 0), 0u) << opening << ": " << refused.substr(0, 200);
  }
}

TEST_F(FrontLimitsTest, AHeaderThatIsNotValidHttpNeverReachesTheWire) {
  start(ServerOptions{});
  const std::string answer = fetch("/inject");
  EXPECT_EQ(answer.rfind("HTTP/1.1 500", 0), 0u) << answer;
  EXPECT_EQ(answer.find("stolen"), std::string::npos) << answer;
  EXPECT_NE(answer.find(R"({"detail":"Internal error"})"), std::string::npos);
}

TEST_F(FrontLimitsTest, StopClosesIdleConnectionsAndFinishesInFlightOnes) {
  start(ServerOptions{});
  RawConnection idle(port());
  RawConnection inFlight(port());
  inFlight.send(get("/block"));
  ASSERT_TRUE(eventually([&] { return blocked.load() == 1; }));
  auto stopped = std::async(std::launch::async, [this] { server->stop(5s); });
  EXPECT_TRUE(idle.closedByPeer(3s)) << "an idle connection does not hold up the stop";
  release.open();
  const std::string answer = inFlight.readResponse();
  EXPECT_EQ(answer.rfind("HTTP/1.1 200", 0), 0u) << answer;
  stopped.get();
  EXPECT_THROW(RawConnection late(port()), std::runtime_error);
}

}  // namespace
}  // namespace ih::host::http
