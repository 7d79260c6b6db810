#include "webhooks/hub_signature.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "ihp/sdk/hex.hpp"

namespace ih::mock {

std::string hubSignature(std::string_view secret, std::string_view body) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()), reinterpret_cast<const unsigned char*>(body.data()),
       body.size(), digest, &length);
  return "sha256=" + ihp::sdk::hex::encode(digest, length);
}

}  // namespace ih::mock
