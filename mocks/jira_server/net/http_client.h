// Outbound HTTP(S) for webhook deliveries and the recording proxy. Kept behind a plain
// struct interface so only this file includes Poco::Net client headers.
#pragma once

#include <chrono>
#include <stdexcept>
#include <string>

#include "common/http_types.h"

namespace ih::mock {

struct OutboundRequest {
  std::string method = "POST";
  std::string url;  // absolute, http or https
  HeaderList headers;
  std::string body;
  std::chrono::milliseconds timeout{10000};
  bool verifyTls = true;
};

struct OutboundResponse {
  int status = 0;
  HeaderList headers;  // lowercase names
  std::string body;
};

struct NetworkError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Throws NetworkError when no HTTP answer arrives (refused, reset, timeout, TLS failure).
OutboundResponse sendHttp(const OutboundRequest& request);

}  // namespace ih::mock
