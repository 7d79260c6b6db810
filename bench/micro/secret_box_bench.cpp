// SecretBox seal/open (host/auth/secret_box.h, AES-256-GCM): integration
// credentials are opened on every outbound Jira call and pipeline state is
// sealed on every install step. The plaintext is a credentials document the
// size of an OAuth 1.0a one (it holds a 2048-bit private key).
#include <benchmark/benchmark.h>

#include "auth/secret_box.h"
#include "bench_key.h"
#include "ihp/sdk/json.hpp"

namespace {

using ih::host::auth::SecretBox;

std::string oauthCredentials() {
  ihp::sdk::json::JsonBuilder out;
  out.beginObject().field("auth_type", "oauth1").field("consumer_key", "host-consumer")
      .field("private_key", ih::bench::benchKeyPair().privatePkcs8Pem)
      .field("access_token", "aBcDeFgHiJkLmNoPqRsTuVwXyZ012345").field("access_token_secret", "0123456789abcdef")
      .endObject();
  return out.str();
}

void secretBoxSeal(benchmark::State& state) {
  const SecretBox box = SecretBox::fromKey(std::string(32, 'k'));
  const std::string plaintext = oauthCredentials();
  for (auto _ : state) benchmark::DoNotOptimize(box.seal(plaintext));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * plaintext.size()));
}
BENCHMARK(secretBoxSeal);

void secretBoxOpen(benchmark::State& state) {
  const SecretBox box = SecretBox::fromKey(std::string(32, 'k'));
  const std::string plaintext = oauthCredentials();
  const std::string sealed = box.seal(plaintext);
  for (auto _ : state) benchmark::DoNotOptimize(box.open(sealed));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * plaintext.size()));
}
BENCHMARK(secretBoxOpen);

}  // namespace
