// host/http/outbound_client.h - the host's HTTP client for plugins' outbound
// calls (ihp_host_api.http_send).
//
// One request, one attempt: never retried here, because a retried OAuth 1.0a
// request would reuse its nonce. Supports http and https (TLS verification on
// by default, off per request for self-hosted servers with private CAs),
// a whole-exchange timeout, and classifies transport failures. Thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

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
  OutboundResponse response;
};

class OutboundClient {
 public:
  virtual ~OutboundClient() = default;
  virtual OutboundResult send(const OutboundRequest& request) = 0;
};

// The production client (Poco HTTPClientSession / HTTPSClientSession).
class PocoOutboundClient final : public OutboundClient {
 public:
  OutboundResult send(const OutboundRequest& request) override;
};

}  // namespace ih::host::http
