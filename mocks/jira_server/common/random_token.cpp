#include "common/random_token.h"

#include <stdexcept>
#include <vector>

#include <openssl/rand.h>

#include "ihp/sdk/hex.hpp"

namespace ih::mock {
namespace {

std::vector<unsigned char> randomBytes(std::size_t count) {
  std::vector<unsigned char> bytes(count);
  if (count > 0 && RAND_bytes(bytes.data(), static_cast<int>(count)) != 1) {
    throw std::runtime_error("RAND_bytes failed");
  }
  return bytes;
}

}  // namespace

std::string randomAlphanumeric(std::size_t length) {
  static constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  std::string out;
  out.reserve(length);
  // 248 is the largest multiple of 62 below 256: rejecting above it keeps the draw unbiased.
  while (out.size() < length) {
    for (unsigned char b : randomBytes(length)) {
      if (b < 248 && out.size() < length) out.push_back(kAlphabet[b % kAlphabet.size()]);
    }
  }
  return out;
}

std::string randomHex(std::size_t bytes) {
  auto random = randomBytes(bytes);
  return ihp::sdk::hex::encode(random.data(), random.size());
}

}  // namespace ih::mock
