// An HTTPS server on 127.0.0.1 (a free port) that answers every request
// 200 "hello over tls", presenting a certificate from tls_certificates.h, so
// tests can hold TLS verification to its promises: a CA the client does not
// trust is refused, a trusted one is accepted, the name is checked.
#pragma once

#include <memory>

#include "support/tls_certificates.h"

namespace ih::testing {

class LocalTlsServer {
 public:
  explicit LocalTlsServer(const TlsFiles& files);
  ~LocalTlsServer();
  LocalTlsServer(const LocalTlsServer&) = delete;
  LocalTlsServer& operator=(const LocalTlsServer&) = delete;

  int port() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ih::testing
