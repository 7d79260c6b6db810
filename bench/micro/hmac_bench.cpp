// HMAC-SHA256 (host/auth/crypto.h), which the plugin asks of the host for
// every webhook delivery: a short token tag for log correlation, and on Jira
// DC 10 the X-Hub-Signature over the whole ~6 KB body.
#include <benchmark/benchmark.h>

#include "auth/crypto.h"

namespace {

void hmacSha256(benchmark::State& state) {
  const std::string key(64, 'k');
  const std::string data(static_cast<size_t>(state.range(0)), 'd');
  for (auto _ : state) benchmark::DoNotOptimize(ih::host::auth::hmacSha256(key, data));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
}
BENCHMARK(hmacSha256)->Arg(32)->Arg(6 * 1024);

}  // namespace
