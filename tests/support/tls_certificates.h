// Throwaway TLS certificates for tests that speak HTTPS: a CA and a server
// certificate it signs, generated with OpenSSL per run (nothing committed),
// written as PEM files for servers (Poco::Net::Context) and for trust
// settings (the host's --tls-ca-file).
#pragma once

#include <string>

#include "support/temp_dir.h"

namespace ih::testing {

struct TlsFiles {
  std::string caCertificate;      // the CA's certificate: what a client trusts
  std::string serverCertificate;  // signed by the CA, for `dnsName`
  std::string serverPrivateKey;
};

// Files under `dir`, named after `name` (several sets may share a dir). The
// server certificate names `dnsName` in its subjectAltName and common name.
TlsFiles writeTlsFiles(const TempDir& dir, const std::string& name, const std::string& dnsName);

}  // namespace ih::testing
