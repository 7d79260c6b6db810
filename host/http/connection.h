// host/http/connection.h - INTERNAL to the HTTP front: one client connection,
// driven asynchronously on its own strand, so it never holds a thread while
// the client is slow or silent.
//
// The cycle: read the request's headers, then its body (a 100 Continue when
// the client asks for one), all before the request deadline; run the
// dispatcher for the complete request; write the answer asynchronously; wait
// for the next request on a kept-alive connection (idle timeout). Refusals the
// front decides itself - 400 malformed, 413 body too large, 431 headers too
// large, 503 too many connections - are closed "lingering": the rest of what
// the client sends is read and dropped (bounded) so it sees the answer rather
// than a reset.
//
// While a request is dispatched, the connection can be answered from another
// thread (common/early_answer.h): a plugin call run inline that passes its
// deadline gets its client a 503 and a closed connection from the
// plugin-call watcher, and what the handler answers when it returns is
// dropped.
#pragma once

#include <array>
#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "common/early_answer.h"
#include "http/front_state.h"
#include "http/wire_message.h"

namespace ih::host::http {

class HttpConnection final : public std::enable_shared_from_this<HttpConnection>, public EarlyAnswer {
 public:
  HttpConnection(boost::asio::ip::tcp::socket&& socket, FrontState& front);
  ~HttpConnection();
  HttpConnection(const HttpConnection&) = delete;
  HttpConnection& operator=(const HttpConnection&) = delete;

  // Serves requests until the client leaves or a limit closes it.
  void start();
  // Answers 503 at once (the connection cap) and closes.
  void refuse();
  // From any thread: closes the connection unless a request is being
  // answered (graceful stop), or whatever it is doing.
  void closeIfIdle();
  void closeNow();

  // EarlyAnswer: from the plugin-call watcher's thread, while dispatch() is
  // inside a plugin.
  void answerUnavailable(std::string_view detail) noexcept override;

 private:
  enum class Phase { Reading, Answering, Closing };
  using error_code = boost::beast::error_code;

  void awaitNextRequest();
  void readHeader();
  void onHeader(error_code ec);
  void readBody();
  void onBody(error_code ec);
  void dispatch();
  // Writes `response` once its Response::sendOnceDone calls back.
  void writeOnceDone(Response response, std::chrono::steady_clock::time_point started);
  void answer(Response response, bool linger);
  void write();
  void onWritten(error_code ec);
  // Answers a request the front refuses itself (400, 431) and closes.
  void refuseRequest(int status, std::string_view message);
  void refuseBody();
  void lingeringClose();
  void discardUntilClosed();
  void close();
  // True when `ec` ended the read (the caller stops); counts timeouts.
  bool readFailed(error_code ec, const char* phase);

  FrontState& front_;
  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  RequestContext request_;
  Response response_;
  WireResponse wire_;
  WireFraming framing_;
  Phase phase_ = Phase::Reading;
  bool lingerAfterWrite_ = false;
  bool inFlight_ = false;
  std::atomic<bool> answeredEarly_{false};
  int served_ = 0;
  size_t discarded_ = 0;
  std::chrono::milliseconds lingerLimit_;
  std::string peerAddress_;  // for per-address limits (sign-in throttling)
  std::array<char, 8192> discard_{};
};

}  // namespace ih::host::http
