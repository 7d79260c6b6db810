// host/http/outbound_client.h - the host's HTTP client for plugins' outbound
// calls (ihp_host_api.http_send).
//
// One request, one attempt: never retried here, because a retried OAuth 1.0a
// request would reuse its nonce. Supports http and https (TLS verification on
// by default, off per request for self-hosted servers with private CAs, or
// trust them with TlsTrust),
// a whole-exchange timeout (enforced on the socket, not per receive), a bound
// on the response body (32 MiB), and classifies transport failures.
// Thread-safe.
//
// Outbound policy (SSRF): the name is resolved here, each address is checked
// against the deny list (--outbound-deny), and the socket connects to exactly
// the address that passed, so a name that re-resolves elsewhere between check
// and connect (DNS rebinding) gains nothing. Redirects are never followed:
// a plugin that follows one sends a new request, checked the same way.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "http/address_deny_list.h"
#include "http/socket_deadline_watch.h"

namespace ih::host::http {

struct OutboundRequest {
  std::string method = "GET";
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  uint32_t timeoutMs = 30000;
  bool verifyTls = true;
};

struct OutboundResponse {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

enum class TransportError { None, Timeout, Unreachable, Reset, InvalidRequest };

struct OutboundResult {
  TransportError error = TransportError::None;
  std::string errorText;  // e.g. "Unable to reach host: jira.example.test"
  // What went wrong underneath, when known ("Connection refused", "TLS:
  // certificate verify failed", ...): for messages that help fix it.
  std::string cause;
  OutboundResponse response;
};

class OutboundClient {
 public:
  virtual ~OutboundClient() = default;
  virtual OutboundResult send(const OutboundRequest& request) = 0;
};

// What the client trusts for https with verification on: the system's CAs
// (OpenSSL's default paths, which SSL_CERT_FILE / SSL_CERT_DIR override) plus,
// when given, the CAs of `extraCaFile` (PEM), e.g. a company CA that signed a
// self-hosted Jira's certificate. The peer's name is always checked against
// its certificate, localhost included.
struct TlsTrust {
  std::string extraCaFile;
};

// The production client (Poco HTTPClientSession / HTTPSClientSession).
class PocoOutboundClient final : public OutboundClient {
 public:
  // Throws std::invalid_argument when `extraCaFile` cannot be loaded.
  explicit PocoOutboundClient(const TlsTrust& trust = {}, AddressDenyList deny = {});
  ~PocoOutboundClient() override;
  OutboundResult send(const OutboundRequest& request) override;

 private:
  struct TlsContexts;
  std::unique_ptr<TlsContexts> tls_;
  AddressDenyList deny_;
  std::unique_ptr<SocketDeadlineWatch> deadlines_ = std::make_unique<SocketDeadlineWatch>();
};

// What an outbound call to a denied address fails with (OutboundResult::cause).
inline constexpr const char* kOutboundDeniedCause = "the address is denied by the host's outbound policy";

}  // namespace ih::host::http
