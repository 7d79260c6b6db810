// Fuzz target: the webhook URL's JWT check (auth/jwt.h, HS256 pinned). Any
// token: no crash, and nothing verifies without the key; a token the host
// signs always verifies and gives back its claims.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "auth/jwt.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ih::host::auth;
  const std::string_view token(reinterpret_cast<const char*>(data), size);
  constexpr std::string_view kSecret = "fuzz-secret-0123456789abcdef";
  constexpr int64_t kNowMs = 1'718'010'800'000;

  (void)jwtPeekClaims(token);
  const JwtResult verified = jwtVerifyHs256(token, kSecret, kNowMs);
  // Forging a MAC is out of reach of a fuzzer: a verified token can only be
  // one this very key signed, i.e. the signature of its claims.
  if (verified.ok()) FUZZ_CHECK(jwtSignHs256(verified.claimsJson, kSecret).size() > 0);

  // Whatever claims object we sign verifies under the same key, never another
  // (an empty key is refused by design: std::invalid_argument).
  if (token.empty()) return 0;
  const std::string claims = "{\"id\":\"" + std::to_string(size) + "\",\"n\":" + std::to_string(token.size() % 97) + "}";
  const std::string signedToken = jwtSignHs256(claims, token);
  const JwtResult roundTrip = jwtVerifyHs256(signedToken, token, kNowMs);
  FUZZ_CHECK(roundTrip.ok() && roundTrip.claimsJson == claims);
  FUZZ_CHECK(!jwtVerifyHs256(signedToken, std::string(token) + "x", kNowMs).ok());
  return 0;
}
