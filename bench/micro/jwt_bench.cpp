// HS256 JWT sign and verify (host/auth/jwt.h). Every Jira webhook delivery
// carries such a token in its URL and the host verifies it before anything
// else, so verify (including a wrong-secret token, the 400 path) bounds how
// fast deliveries can be accepted or refused.
#include <benchmark/benchmark.h>

#include "auth/jwt.h"

namespace {

using namespace ih::host::auth;

constexpr const char* kClaims = R"({"id":"jira.example.test:8080:pat:alice"})";
const std::string kSecret(64, 's');  // the plugin's webhook secret is 32 random bytes, hex
constexpr int64_t kNowMs = 1'760'000'000'000;

void jwtSign(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(jwtSignHs256(kClaims, kSecret));
}
BENCHMARK(jwtSign);

void jwtVerify(benchmark::State& state) {
  const std::string token = jwtSignHs256(kClaims, kSecret);
  for (auto _ : state) {
    JwtResult result = jwtVerifyHs256(token, kSecret, kNowMs);
    if (!result.ok()) state.SkipWithError("a valid token did not verify");
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(jwtVerify);

void jwtVerifyWrongSecret(benchmark::State& state) {
  const std::string token = jwtSignHs256(kClaims, std::string(64, 'x'));
  for (auto _ : state) {
    JwtResult result = jwtVerifyHs256(token, kSecret, kNowMs);
    if (result.error != JwtError::BadSignature) state.SkipWithError("a forged token was not refused");
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(jwtVerifyWrongSecret);

}  // namespace
