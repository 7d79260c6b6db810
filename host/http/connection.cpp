// host/http/connection.cpp - see connection.h.
#include "http/connection.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <sstream>
#include <sys/socket.h>

#include "common/errors.h"
#include "http/dispatcher.h"
#include "ops/metrics.h"

namespace ih::host::http {

namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

// Generous for browsers and OAuth callbacks; far below what would let a
// client make the host buffer a lot before it has a complete request.
constexpr uint32_t kHeaderLimitBytes = 32 * 1024;
// The read buffer's bound: a header and one read beyond it. Body bytes leave
// the buffer as they are parsed, but a chunk's size line and the trailer are
// parsed only once complete, and neither limit above covers them: unbounded,
// an endless chunk extension ("1;x=aaaa...") would be held in memory until
// the request deadline. Past the bound the read fails and the request is
// refused as malformed.
constexpr size_t kReadBufferLimitBytes = kHeaderLimitBytes + 64 * 1024;
// What a refused upload may still send so the client sees the answer (the
// same bound the Poco server had): beyond it the connection is just closed.
constexpr uint64_t kMaxDiscardBytes = 16 * 1024 * 1024;
// How long a connection refused for the cap may linger before it is closed.
constexpr std::chrono::milliseconds kRefusalLinger{1000};
constexpr size_t kFirstReadBytes = 4096;
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

std::chrono::milliseconds ms(int value) { return std::chrono::milliseconds(value); }

// Errors of the HTTP grammar (the client sent something that is not HTTP),
// as opposed to the connection ending or timing out.
bool malformed(beast::error_code ec) {
  if (ec.category() != bhttp::make_error_code(bhttp::error::end_of_stream).category()) return false;
  return ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message && ec != bhttp::error::short_read;
}

bool expectsContinue(const WireRequest& request) {
  return request.version() >= 11 && beast::iequals(request[bhttp::field::expect], "100-continue");
}

}  // namespace

HttpConnection::HttpConnection(net::ip::tcp::socket&& socket, FrontState& front)
    : front_(front),
      stream_(std::move(socket)),
      buffer_(kReadBufferLimitBytes),
      lingerLimit_(ms(front.options.headerTimeoutMs)) {
  error_code ec;
  const auto peer = stream_.socket().remote_endpoint(ec);
  if (!ec) peerAddress_ = peer.address().to_string();
  ++front_.open;
}

HttpConnection::~HttpConnection() {
  if (inFlight_) --front_.inFlight;
  front_.registry.remove(this);
  --front_.open;
}

void HttpConnection::start() {
  front_.registry.add(this, weak_from_this());
  net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
    // The deadline runs from the accept: a client that connects and sends
    // nothing is closed like one that never finishes its headers.
    self->stream_.expires_after(ms(self->front_.options.headerTimeoutMs));
    self->readHeader();
  });
}

void HttpConnection::refuse() {
  front_.registry.add(this, weak_from_this());
  net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
    self->front_.metrics.increment(kConnectionsRefused);
    self->lingerLimit_ = kRefusalLinger;
    self->framing_ = WireFraming{11, false, false};
    self->answer(Response::detail(503, "Too many connections; try again shortly.").header("Retry-After", "1"),
                 /*linger=*/true);
  });
}

void HttpConnection::closeIfIdle() {
  net::post(stream_.get_executor(), [self = shared_from_this()] {
    if (self->phase_ == Phase::Reading) self->close();
  });
}

void HttpConnection::closeNow() {
  net::post(stream_.get_executor(), [self = shared_from_this()] { self->close(); });
}

void HttpConnection::awaitNextRequest() {
  phase_ = Phase::Reading;
  if (front_.stopping) return close();  // stop() may have passed it by while it was answering
  if (buffer_.size() > 0) {             // the client already sent the next request
    stream_.expires_after(ms(front_.options.headerTimeoutMs));
    return readHeader();
  }
  // Idle: the keep-alive timeout, then the request deadline from its first byte.
  stream_.expires_after(ms(front_.options.keepAliveTimeoutMs));
  stream_.async_read_some(buffer_.prepare(kFirstReadBytes), [self = shared_from_this()](error_code ec, size_t n) {
    if (self->readFailed(ec, "idle")) return;
    self->buffer_.commit(n);
    self->stream_.expires_after(ms(self->front_.options.headerTimeoutMs));
    self->readHeader();
  });
}

void HttpConnection::readHeader() {
  phase_ = Phase::Reading;
  parser_.emplace();
  parser_->header_limit(kHeaderLimitBytes);
  parser_->body_limit(front_.dispatcher.maxBodyBytes());
  bhttp::async_read_header(stream_, buffer_, *parser_,
                           [self = shared_from_this()](error_code ec, size_t) { self->onHeader(ec); });
}

void HttpConnection::onHeader(error_code ec) {
  if (ec == bhttp::error::body_limit) return refuseBody();  // a declared Content-Length over the limit
  if (ec == bhttp::error::header_limit) return refuseRequest(431, "Request header fields too large");
  if (malformed(ec)) return refuseRequest(400, "Malformed HTTP request");
  if (readFailed(ec, "request")) return;
  if (parser_->is_done()) return dispatch();
  if (!expectsContinue(parser_->get())) return readBody();
  net::async_write(stream_, net::buffer(kContinue.data(), kContinue.size()),
                   [self = shared_from_this()](error_code written, size_t) {
                     if (self->readFailed(written, "request")) return;
                     self->readBody();
                   });
}

void HttpConnection::readBody() {
  bhttp::async_read(stream_, buffer_, *parser_,
                    [self = shared_from_this()](error_code ec, size_t) { self->onBody(ec); });
}

void HttpConnection::onBody(error_code ec) {
  if (ec == bhttp::error::body_limit) return refuseBody();  // a chunked body passed the limit
  if (malformed(ec)) return refuseRequest(400, "Malformed HTTP request");
  if (readFailed(ec, "request")) return;
  dispatch();
}

void HttpConnection::dispatch() {
  WireRequest& request = parser_->get();
  framing_ = WireFraming{request.version(), request.keep_alive(), request.method() == bhttp::verb::head};
  request_ = contextFrom(request);
  request_.clientAddress = peerAddress_;
  parser_.reset();
  phase_ = Phase::Answering;
  inFlight_ = true;
  ++front_.inFlight;
  // No hand-off: this I/O thread answers the request it completed. Only this
  // connection's strand waits meanwhile; a wait on a plugin lets another
  // thread take over the loop (io_loops.h).
  Response response;
  const auto started = std::chrono::steady_clock::now();
  {
    EarlyAnswerScope answerable(*this);
    response = front_.dispatcher.dispatch(request_);
  }
  if (answeredEarly_.load()) {
    // The watcher answered 503 at the plugin's deadline and shut the socket.
    handlerReturned();
    inFlight_ = false;  // counted out when it was answered
    request_ = RequestContext();
    return close();
  }
  if (response.sendOnceDone) return writeOnceDone(std::move(response), started);
  response_ = std::move(response);
  write();
}

void HttpConnection::writeOnceDone(Response response, std::chrono::steady_clock::time_point started) {
  const std::function<void(Response::Done)> sendOnceDone = std::move(response.sendOnceDone);
  response_ = std::move(response);
  // No operation of this connection is pending until the answer is written,
  // so the posted handler runs alone, on whichever thread serves the loop.
  const Response::Done whenDone = [self = shared_from_this(), started](std::exception_ptr failure) {
    net::post(self->stream_.get_executor(), [self, failure, started] {
      const std::chrono::duration<double> waited = std::chrono::steady_clock::now() - started;
      self->front_.dispatcher.finish(self->request_, self->response_, failure, waited.count());
      self->write();
    });
  };
  try {
    sendOnceDone(whenDone);
  } catch (...) {
    whenDone(std::current_exception());  // not started (out of memory): the error's answer
  }
}

void HttpConnection::answerUnavailable(std::string_view detail) noexcept {
  // The handler's thread is inside a plugin and touches neither the socket
  // nor framing_ until it returns, and then it looks at answeredEarly_
  // first. The write does not wait: a client whose receive window is full
  // after a 200-byte answer just sees the connection close.
  const int fd = stream_.socket().native_handle();
  try {
    WireFraming framing = framing_;
    framing.keepAlive = false;
    WireResponse wire;
    toWire(Response::detail(503, detail), framing, wire);
    std::ostringstream serialized;
    serialized << wire;
    const std::string bytes = serialized.str();
    [[maybe_unused]] const ssize_t sent = ::send(fd, bytes.data(), bytes.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
  } catch (...) {
    // No answer then (out of memory): the client sees the connection close.
  }
  ::shutdown(fd, SHUT_RDWR);
  answeredEarly_ = true;
  --front_.inFlight;  // answered: a graceful stop need not wait for the plugin
  handlerLeftBehind();
}

void HttpConnection::answer(Response response, bool linger) {
  phase_ = Phase::Answering;
  response_ = std::move(response);
  lingerAfterWrite_ = linger;
  if (linger) framing_.keepAlive = false;
  write();
}

void HttpConnection::write() {
  // A connection that closes after this answer says so in it: a client
  // must not send its next request on it.
  if (front_.stopping || served_ + 1 >= front_.options.maxKeepAliveRequests) framing_.keepAlive = false;
  toWire(std::move(response_), framing_, wire_);
  request_ = RequestContext();
  stream_.expires_after(ms(front_.options.headerTimeoutMs));
  bhttp::async_write(stream_, wire_, [self = shared_from_this()](error_code ec, size_t) { self->onWritten(ec); });
}

void HttpConnection::onWritten(error_code ec) {
  if (inFlight_) {
    inFlight_ = false;
    --front_.inFlight;
  }
  wire_ = WireResponse();
  if (ec) {
    if (ec == beast::error::timeout) front_.metrics.increment(kConnectionsTimedOut, {{"phase", "write"}});
    return close();
  }
  if (lingerAfterWrite_) return lingeringClose();
  ++served_;
  if (!framing_.keepAlive) return close();
  awaitNextRequest();
}

void HttpConnection::refuseRequest(int status, std::string_view message) {
  // No route is known (the request did not parse): recorded as "unmatched".
  RequestContext unparsed;
  framing_ = WireFraming{11, false, false};
  answer(front_.dispatcher.refuse(unparsed, Response::detail(status, message)), /*linger=*/true);
}

void HttpConnection::refuseBody() {
  const WireRequest& request = parser_->get();
  framing_ = WireFraming{request.version(), false, request.method() == bhttp::verb::head};
  RequestContext context = headContextFrom(request);
  Response refused = front_.dispatcher.refuse(context, Response::detail(413, PayloadTooLargeError().what()));
  // Most clients read the answer only once they have sent everything: drain
  // what is left (never stored) so they see the 413 instead of a reset -
  // unless the declared length is beyond what is worth draining.
  // A declared length over the limit is refused while the header is still
  // being parsed, where Beast must not be asked for the length: unknown then.
  const auto declared = parser_->is_header_done() ? parser_->content_length() : boost::none;
  answer(std::move(refused), /*linger=*/!declared || *declared <= kMaxDiscardBytes);
}

void HttpConnection::lingeringClose() {
  phase_ = Phase::Closing;
  error_code ignored;
  stream_.socket().shutdown(net::ip::tcp::socket::shutdown_send, ignored);
  buffer_.consume(buffer_.size());
  discarded_ = 0;
  stream_.expires_after(lingerLimit_);
  discardUntilClosed();
}

void HttpConnection::discardUntilClosed() {
  stream_.async_read_some(net::buffer(discard_), [self = shared_from_this()](error_code ec, size_t n) {
    self->discarded_ += n;
    if (ec || self->discarded_ > kMaxDiscardBytes) return self->close();
    self->discardUntilClosed();
  });
}

void HttpConnection::close() {
  phase_ = Phase::Closing;
  if (!stream_.socket().is_open()) return;
  error_code ignored;
  stream_.socket().shutdown(net::ip::tcp::socket::shutdown_both, ignored);
  stream_.close();
}

bool HttpConnection::readFailed(error_code ec, const char* phase) {
  if (!ec) return false;
  if (ec == beast::error::timeout) front_.metrics.increment(kConnectionsTimedOut, {{"phase", phase}});
  close();
  return true;
}

}  // namespace ih::host::http
