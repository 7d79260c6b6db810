// host/http/outbound_client.cpp - PocoOutboundClient: one HTTP(S) exchange per
// call, bounded by a whole-exchange deadline, with transport failures
// classified for the plugin (timeout / unreachable / reset). Poco stays inside
// this file so nothing else pays for its headers.
#include "http/outbound_client.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/DNS.h>
#include <Poco/Net/HostEntry.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Timespan.h>
#include <Poco/URI.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <istream>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>

namespace ih::host::http {

namespace {

using SteadyClock = std::chrono::steady_clock;

// The most of a response body kept: Jira's answers are kilobytes, and a server
// streaming for the whole deadline would otherwise fill the host's memory.
constexpr size_t kMaxResponseBodyBytes = 32 * 1024 * 1024;

// The exchange's deadline; each socket wait gets what is left of it, and the
// deadline watch ends the exchange when it passes (socket_deadline_watch.h).
class Deadline {
 public:
  explicit Deadline(uint32_t timeoutMs) : end_(SteadyClock::now() + std::chrono::milliseconds(timeoutMs)) {}
  bool passed() const { return SteadyClock::now() >= end_; }
  SteadyClock::time_point end() const { return end_; }
  Poco::Timespan remaining() const {
    auto left = std::chrono::duration_cast<std::chrono::microseconds>(end_ - SteadyClock::now()).count();
    return Poco::Timespan(left > 1000 ? left : 1000);  // never 0: Poco treats 0 as "no timeout"
  }

 private:
  SteadyClock::time_point end_;
};

bool isToken(const std::string& text) {
  if (text.empty()) return false;
  for (unsigned char c : text) {
    if (c <= 32 || c >= 127 || c == ':' || c == '(' || c == ')' || c == ',' || c == ';' || c == '"' || c == '/' ||
        c == '[' || c == ']' || c == '?' || c == '=' || c == '{' || c == '}' || c == '\\' || c == '<' || c == '>' ||
        c == '@')
      return false;
  }
  return true;
}

// Header injection guard: no CR/LF/NUL in values, names must be tokens.
bool headersValid(const OutboundRequest& request) {
  for (const auto& [name, value] : request.headers) {
    if (!isToken(name)) return false;
    if (value.find_first_of(std::string("\r\n\0", 3)) != std::string::npos) return false;
  }
  return isToken(request.method);
}

OutboundResult failure(TransportError error, std::string text, std::string cause = {}) {
  OutboundResult result;
  result.error = error;
  result.errorText = std::move(text);
  result.cause = std::move(cause);
  return result;
}

// The addresses `host` stands for that the deny list lets through: itself
// when it is an address, else DNS's answer, IPv4 first (as Poco's own
// resolution orders them: "localhost" is often ::1 and 127.0.0.1, and many
// servers listen on the latter only).
std::vector<Poco::Net::IPAddress> allowedAddresses(const std::string& host, const AddressDenyList& deny) {
  std::vector<Poco::Net::IPAddress> addresses;
  Poco::Net::IPAddress literal;
  if (Poco::Net::IPAddress::tryParse(host, literal)) {
    addresses.push_back(literal);
  } else {
    addresses = Poco::Net::DNS::hostByName(host).addresses();
  }
  std::stable_partition(addresses.begin(), addresses.end(),
                        [](const auto& address) { return address.family() == Poco::Net::IPAddress::IPv4; });
  std::erase_if(addresses, [&](const auto& address) { return deny.denies(address); });
  return addresses;
}

// Called with the socket's descriptor once it is connected, before anything
// else is read from it (the TLS handshake included).
using OnConnected = std::function<void(int socketDescriptor)>;

// A session that connects to the address the deny list let through instead
// of resolving the name again (Poco resolves in reconnect(); that answer is
// ignored here, so a rebinding DNS cannot swap the address after the check).
// The session keeps the URL's host name for the Host header, SNI and the
// certificate's name check.
//
// Over TLS the handshake is done here, after `onConnected`, so the exchange's
// deadline watch covers it too (a server could otherwise drip its handshake
// a byte at a time). It is Poco's own connect taken apart: the TCP connect
// with the handshake deferred, then the handshake, then the check of the
// certificate against the host name, which Poco does only on its own paths.
template <class Session>
class PinnedSession final : public Session {
 public:
  template <class... Args>
  explicit PinnedSession(Poco::Net::SocketAddress pinned, OnConnected onConnected, Args&&... args)
      : Session(std::forward<Args>(args)...), pinned_(std::move(pinned)), onConnected_(std::move(onConnected)) {}

 protected:
  void connect(const Poco::Net::SocketAddress&) override {
    if constexpr (std::is_same_v<Session, Poco::Net::HTTPSClientSession>) {
      Poco::Net::SecureStreamSocket secure(this->socket());
      secure.setLazyHandshake(true);
      Session::connect(pinned_);
      onConnected_(this->socket().impl()->sockfd());
      if (secure.completeHandshake() != 1) throw Poco::Net::SSLConnectionUnexpectedlyClosedException();
      secure.verifyPeerCertificate();
    } else {
      Session::connect(pinned_);
      onConnected_(this->socket().impl()->sockfd());
    }
  }

 private:
  Poco::Net::SocketAddress pinned_;
  OnConnected onConnected_;
};

std::unique_ptr<Poco::Net::HTTPClientSession> openSession(const Poco::URI& uri, const Poco::Net::IPAddress& address,
                                                          Poco::Net::Context::Ptr tls, OnConnected onConnected) {
  const Poco::Net::SocketAddress pinned(address, uri.getPort());
  if (uri.getScheme() == "https") {
    return std::make_unique<PinnedSession<Poco::Net::HTTPSClientSession>>(pinned, std::move(onConnected), uri.getHost(),
                                                                          uri.getPort(), tls);
  }
  return std::make_unique<PinnedSession<Poco::Net::HTTPClientSession>>(pinned, std::move(onConnected), uri.getHost(),
                                                                       uri.getPort());
}

Poco::Net::HTTPRequest buildRequest(const OutboundRequest& request, const Poco::URI& uri) {
  std::string target = uri.getPathEtc();
  if (target.empty() || target[0] != '/') target = "/" + target;
  Poco::Net::HTTPRequest out(request.method, target, Poco::Net::HTTPMessage::HTTP_1_1);
  for (const auto& [name, value] : request.headers) out.add(name, value);
  if (!request.body.empty() || request.method == "POST" || request.method == "PUT" || request.method == "PATCH")
    out.setContentLength(static_cast<std::streamsize>(request.body.size()));
  // One exchange per session: say so instead of leaving the server waiting.
  out.setKeepAlive(false);
  return out;
}

}  // namespace

// Built once per client and shared by every request; verification is chosen
// per request. VERIFY_STRICT, not RELAXED: for a client both require a valid
// chain, but Poco skips the name check for localhost under RELAXED.
//
// The verifying context parses the system's whole CA bundle, about 100 ms
// here: it is built by the first https call that verifies rather than at
// start-up (start-up to /healthz is a goal of its own), except when
// --tls-ca-file was given, whose file must be checked before the host serves.
struct PocoOutboundClient::TlsContexts {
  std::string extraCaFile;
  std::once_flag verifyingBuilt;
  Poco::Net::Context::Ptr verifying, permissive;

  // Throws std::invalid_argument when the CA file cannot be loaded.
  Poco::Net::Context::Ptr verifyingContext() {
    std::call_once(verifyingBuilt, [this] {
      using Poco::Net::Context;
      try {
        verifying = new Context(Context::TLS_CLIENT_USE, extraCaFile, Context::VERIFY_STRICT, 9,
                                /*loadDefaultCAs=*/true);
      } catch (const Poco::Exception& e) {
        throw std::invalid_argument("cannot load the CA file " + extraCaFile + ": " + e.displayText());
      }
    });
    return verifying;
  }
};

PocoOutboundClient::PocoOutboundClient(const TlsTrust& trust, AddressDenyList deny)
    : tls_(std::make_unique<TlsContexts>()), deny_(std::move(deny)) {
  static std::once_flag initialised;
  std::call_once(initialised, [] { Poco::Net::initializeSSL(); });
  using Poco::Net::Context;
  tls_->extraCaFile = trust.extraCaFile;
  if (!tls_->extraCaFile.empty()) tls_->verifyingContext();
  tls_->permissive = new Context(Context::TLS_CLIENT_USE, "", Context::VERIFY_NONE, 9, /*loadDefaultCAs=*/false);
}

PocoOutboundClient::~PocoOutboundClient() = default;

OutboundResult PocoOutboundClient::send(const OutboundRequest& request) {
  Poco::URI uri;
  try {
    uri = Poco::URI(request.url);
  } catch (const Poco::Exception&) {
    return failure(TransportError::InvalidRequest, "Invalid URL");
  }
  const std::string& host = uri.getHost();
  if ((uri.getScheme() != "http" && uri.getScheme() != "https") || host.empty())
    return failure(TransportError::InvalidRequest, "Only absolute http(s) URLs are supported");
  if (!headersValid(request)) return failure(TransportError::InvalidRequest, "Invalid method or header");

  const Deadline deadline(request.timeoutMs == 0 ? 30000 : request.timeoutMs);
  const std::string timedOut = "Timed out attempting to reach host: " + host;
  std::unique_ptr<Poco::Net::HTTPClientSession> session;
  // From the connect on, the deadline watch ends the exchange when it passes.
  // Declared after the session: it lets go of the socket before the session
  // closes it.
  std::optional<SocketDeadlineWatch::Guard> watched;
  // A failure once the deadline has passed is its doing (the watch shut the
  // socket down), whatever the socket then reported.
  const auto unlessTimedOut = [&](OutboundResult result) {
    return deadline.passed() ? failure(TransportError::Timeout, timedOut) : std::move(result);
  };
  // Phase 1: resolve, check the outbound policy, connect (and TLS handshake)
  // and send. A failure here means the host could not be reached.
  try {
    const auto allowed = allowedAddresses(host, deny_);
    if (allowed.empty()) return failure(TransportError::Unreachable, "Unable to reach host: " + host, kOutboundDeniedCause);
    const bool https = uri.getScheme() == "https";
    session = openSession(
        uri, allowed.front(),
        !https              ? nullptr
        : request.verifyTls ? tls_->verifyingContext()
                            : tls_->permissive,
        [&](int socketDescriptor) { watched.emplace(deadlines_->watch(socketDescriptor, deadline.end())); });
    session->setTimeout(deadline.remaining());
    Poco::Net::HTTPRequest out = buildRequest(request, uri);
    std::ostream& body = session->sendRequest(out);
    body.write(request.body.data(), static_cast<std::streamsize>(request.body.size()));
    body.flush();
    if (!body.good()) return unlessTimedOut(failure(TransportError::Reset, "Connection reset by peer"));
  } catch (const Poco::TimeoutException&) {
    return failure(TransportError::Timeout, timedOut);
  } catch (const Poco::Net::ConnectionResetException&) {
    return unlessTimedOut(failure(TransportError::Reset, "Connection reset by peer"));
  } catch (const Poco::Net::SSLException& e) {
    // An untrusted or misnamed certificate is the usual cause with a
    // self-hosted Jira: worth telling apart from a refused connection.
    return unlessTimedOut(failure(TransportError::Unreachable, "Unable to reach host: " + host, "TLS: " + e.message()));
  } catch (const Poco::Exception& e) {
    return unlessTimedOut(failure(TransportError::Unreachable, "Unable to reach host: " + host, e.displayText()));
  } catch (const std::exception&) {
    return unlessTimedOut(failure(TransportError::Unreachable, "Unable to reach host: " + host));
  }
  if (deadline.passed()) return failure(TransportError::Timeout, timedOut);

  // Phase 2: the response. A failure now means the peer dropped us mid-way,
  // or the deadline shut the socket down.
  const auto broken = [&] { return unlessTimedOut(failure(TransportError::Reset, "Connection reset by peer")); };
  OutboundResult result;
  try {
    session->socket().setReceiveTimeout(deadline.remaining());
    Poco::Net::HTTPResponse response;
    std::istream& in = session->receiveResponse(response);
    result.response.status = static_cast<int>(response.getStatus());
    for (const auto& [name, value] : response) result.response.headers.emplace_back(name, value);
    char buffer[4096];
    while (true) {
      if (deadline.passed()) return failure(TransportError::Timeout, timedOut);
      session->socket().setReceiveTimeout(deadline.remaining());
      in.read(buffer, sizeof buffer);
      std::streamsize got = in.gcount();
      if (got > 0) result.response.body.append(buffer, static_cast<size_t>(got));
      if (result.response.body.size() > kMaxResponseBodyBytes) {
        return failure(TransportError::Reset, "Connection reset by peer",
                       "the response body is larger than " + std::to_string(kMaxResponseBodyBytes >> 20) + " MiB");
      }
      if (in.eof()) break;
      // std::istream turns a failed socket read into badbit: the deadline
      // tells a timeout from a dropped connection.
      if (in.bad() || in.fail()) return broken();
    }
    // Poco ends a fixed-length body quietly when the peer closes early (or
    // the deadline shut the socket down).
    if (request.method != "HEAD" && response.hasContentLength() &&
        static_cast<Poco::Int64>(result.response.body.size()) < response.getContentLength64())
      return broken();
    if (watched && watched->fired()) return failure(TransportError::Timeout, timedOut);
  } catch (const Poco::TimeoutException&) {
    return failure(TransportError::Timeout, timedOut);
  } catch (const Poco::Exception&) {
    return broken();
  } catch (const std::exception&) {
    return broken();
  }
  return result;
}

}  // namespace ih::host::http
