// Throwaway RSA keys generated per test run with OpenSSL, so no key is ever committed.
#pragma once

#include <string>

namespace ih::testing {

struct RsaKeyPair {
  std::string privatePkcs8Pem;  // -----BEGIN PRIVATE KEY-----
  std::string privatePkcs1Pem;  // -----BEGIN RSA PRIVATE KEY-----
  std::string publicPem;        // -----BEGIN PUBLIC KEY----- (what Jira's application link takes)
};

RsaKeyPair generateRsaKeyPair(int bits = 2048);

}  // namespace ih::testing
