// The HTTP server end to end over loopback: body limit on declared and
// chunked bodies, 404/405 shapes, the plugin-route fallback, metrics with
// bounded route labels, keep-alive, and a graceful stop that lets an
// in-flight request finish.
#include <gtest/gtest.h>

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

#include "http/dispatcher.h"
#include "http/router.h"
#include "http/server.h"
#include "ops/metrics.h"

namespace ih::host::http {
namespace {

struct Reply {
  int status = 0;
  std::string body;
  Poco::Net::HTTPResponse response;
};

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router.add("POST", "/echo/{name}/", [](RequestContext& ctx) {
      return Response::json(200, "{\"size\":" + std::to_string(ctx.body.size()) + ",\"name\":\"" +
                                     ctx.pathParam("name") + "\"}");
    });
    router.add("GET", "/slow", [this](RequestContext&) {
      slowStarted = true;
      std::this_thread::sleep_for(std::chrono::milliseconds(400));
      return Response::json(200, R"({"slow":true})");
    });
    router.add("GET", "/boom", [](RequestContext&) -> Response { throw std::runtime_error("kaboom"); });
    dispatcher.setFallback([](RequestContext& ctx) -> std::optional<Response> {
      if (ctx.path.rfind("/extensions/p/hook/", 0) != 0) return std::nullopt;
      ctx.routePattern = "/extensions/p/hook/{token}/";
      return Response::text(202, "text/plain", "plugin");
    });
    ServerOptions options;
    options.port = 0;
    server = std::make_unique<HttpServer>(options, dispatcher);
    server->start();
  }

  Reply send(Poco::Net::HTTPClientSession& session, const std::string& method, const std::string& path,
             const std::string& body = "", bool chunked = false) {
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    if (chunked) {
      request.setChunkedTransferEncoding(true);
    } else if (!body.empty()) {
      request.setContentLength64(static_cast<Poco::Int64>(body.size()));
    }
    std::ostream& out = session.sendRequest(request);
    out << body;
    Reply reply;
    std::istream& in = session.receiveResponse(reply.response);
    Poco::StreamCopier::copyToString(in, reply.body);
    reply.status = reply.response.getStatus();
    return reply;
  }

  Reply send(const std::string& method, const std::string& path, const std::string& body = "",
             bool chunked = false) {
    Poco::Net::HTTPClientSession session("127.0.0.1", server->port());
    return send(session, method, path, body, chunked);
  }

  Router router;
  ops::Metrics metrics;
  Dispatcher dispatcher{router, metrics, 1000};
  std::unique_ptr<HttpServer> server;
  std::atomic<bool> slowStarted{false};
};

TEST_F(ServerTest, ServesARouteWithItsParameters) {
  EXPECT_NE(server->port(), 0);
  Reply r = send("POST", "/echo/a%20b/", std::string(10, 'x'));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, R"({"size":10,"name":"a b"})");
  EXPECT_EQ(r.response.getContentType(), "application/json");
}

TEST_F(ServerTest, RefusesADeclaredContentLengthOverTheLimit) {
  Reply r = send("POST", "/echo/x/", std::string(1001, 'x'));
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.body, R"({"detail":"Request body too large"})");
}

TEST_F(ServerTest, RefusesAChunkedBodyOverTheLimitAndAcceptsOneUnder) {
  Reply big = send("POST", "/echo/x/", std::string(5000, 'x'), /*chunked=*/true);
  EXPECT_EQ(big.status, 413);
  EXPECT_EQ(big.body, R"({"detail":"Request body too large"})");
  Reply small = send("POST", "/echo/x/", std::string(999, 'x'), /*chunked=*/true);
  EXPECT_EQ(small.status, 200);
  EXPECT_EQ(small.body, R"({"size":999,"name":"x"})");
}

TEST_F(ServerTest, UnknownPathsAre404AndWrongMethods405) {
  Reply missing = send("GET", "/nowhere");
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(missing.body.find("\"detail\""), std::string::npos);
  Reply wrong = send("GET", "/echo/x/");
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(wrong.response.get("Allow"), "POST");
}

TEST_F(ServerTest, HandlerExceptionsAre500WithoutTheReason) {
  Reply r = send("GET", "/boom");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body, R"({"detail":"Internal error"})");
}

TEST_F(ServerTest, TheFallbackServesPluginRoutes) {
  Reply r = send("GET", "/extensions/p/hook/secret-token/");
  EXPECT_EQ(r.status, 202);
  EXPECT_EQ(r.body, "plugin");
  EXPECT_EQ(r.response.getContentType(), "text/plain");
}

TEST_F(ServerTest, MetricsNameThePatternNeverTheRawPath) {
  send("POST", "/echo/one/", "{}");
  send("POST", "/echo/two/", "{}");
  send("GET", "/extensions/p/hook/secret-token/");
  send("GET", "/nowhere/secret");
  EXPECT_EQ(metrics.value("ih_http_requests_total", {{"route", "/echo/{name}/"}, {"method", "POST"}, {"status", "200"}}),
            2.0);
  EXPECT_EQ(metrics.value("ih_http_request_duration_seconds_count", {{"route", "/echo/{name}/"}}), 2.0);
  EXPECT_EQ(metrics.value("ih_http_requests_total",
                          {{"route", "/extensions/p/hook/{token}/"}, {"method", "GET"}, {"status", "202"}}),
            1.0);
  EXPECT_EQ(metrics.value("ih_http_requests_total", {{"route", "unmatched"}, {"method", "GET"}, {"status", "404"}}),
            1.0);
  EXPECT_EQ(metrics.renderPrometheus().find("secret"), std::string::npos);
}

TEST_F(ServerTest, KeepsConnectionsAlive) {
  Poco::Net::HTTPClientSession session("127.0.0.1", server->port());
  session.setKeepAlive(true);
  EXPECT_EQ(send(session, "POST", "/echo/a/", "1").status, 200);
  EXPECT_EQ(send(session, "POST", "/echo/b/", "22").status, 200);
  EXPECT_EQ(send(session, "POST", "/echo/c/", "333").body, R"({"size":3,"name":"c"})");
}

TEST_F(ServerTest, StopLetsInFlightRequestsFinish) {
  auto slow = std::async(std::launch::async, [this] { return send("GET", "/slow"); });
  while (!slowStarted) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  server->stop(std::chrono::milliseconds(5000));
  Reply r = slow.get();
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, R"({"slow":true})");
  // No longer accepting.
  Poco::Net::HTTPClientSession session("127.0.0.1", server->port());
  EXPECT_ANY_THROW(send(session, "GET", "/slow"));
}

}  // namespace
}  // namespace ih::host::http
