#include "http/poco_handler.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include "common/strings.h"
#include "http/dispatcher.h"
#include "http/request_context.h"
#include "http/response.h"

namespace ih::host::http {

namespace {

// Counts a request as in flight for the server's graceful stop.
class InFlightGuard {
 public:
  explicit InFlightGuard(std::atomic<int>& counter) : counter_(counter) { ++counter_; }
  ~InFlightGuard() { --counter_; }
  InFlightGuard(const InFlightGuard&) = delete;
  InFlightGuard& operator=(const InFlightGuard&) = delete;

 private:
  std::atomic<int>& counter_;
};

RequestContext toContext(Poco::Net::HTTPServerRequest& request) {
  RequestContext ctx(request.getMethod(), request.getURI());
  for (const auto& [name, value] : request) ctx.headers.emplace_back(toLowerAscii(name), value);
  ctx.clientAddress = request.clientAddress().host().toString();
  return ctx;
}

void write(const Response& out, Poco::Net::HTTPServerResponse& response) {
  response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(out.status));
  if (!out.contentType.empty()) response.setContentType(out.contentType);
  for (const auto& [name, value] : out.headers) response.set(name, value);
  if (out.closeConnection) response.setKeepAlive(false);
  if (out.status == 204 || out.status == 304) {
    response.send();
    return;
  }
  response.setContentLength64(static_cast<Poco::Int64>(out.body.size()));
  response.send().write(out.body.data(), static_cast<std::streamsize>(out.body.size()));
}

// After refusing a body (413) the client is usually still sending it, and
// most clients read the answer only once they have sent everything: without
// reading the rest they would see a reset instead of the 413. So discard
// (never store) what is left, up to a bound, then let the connection close.
void discardRest(std::istream& body, int64_t contentLength) {
  constexpr int64_t kMaxDiscard = 16 * 1024 * 1024;
  if (contentLength > kMaxDiscard) return;
  char buffer[8192];
  int64_t discarded = 0;
  while (body && discarded < kMaxDiscard) {
    body.read(buffer, sizeof buffer);
    if (body.gcount() <= 0) break;
    discarded += body.gcount();
  }
}

}  // namespace

void PocoHandler::handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
  InFlightGuard guard(inFlight_);
  try {
    RequestContext ctx = toContext(request);
    const int64_t contentLength = request.hasContentLength() ? request.getContentLength64() : -1;
    Response out = dispatcher_.dispatch(ctx, request.stream(), contentLength);
    write(out, response);
    if (out.closeConnection) discardRest(request.stream(), contentLength);
  } catch (const std::exception& e) {
    // The client went away or the socket failed mid-response: nothing to answer.
    Poco::Logger::get("ih.http").warning("could not answer a request: %s", std::string(e.what()));
  }
}

}  // namespace ih::host::http
