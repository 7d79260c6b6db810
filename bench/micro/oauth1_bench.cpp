// OAuth 1.0a RSA-SHA1 request signing (host/auth/oauth1_signer.h) with a
// 2048-bit key, as the host does for every call to a Jira installed through
// an application link: a fresh signature per attempt. The base-string case
// separates the string work from the RSA private-key operation.
#include <benchmark/benchmark.h>

#include "auth/oauth1_signer.h"
#include "bench_key.h"

namespace {

using namespace ih::host::auth;

constexpr const char* kUrl = "http://jira.example.test:8080/jira/rest/api/2/issue/OPS-1?fields=summary,assignee,status";

OAuth1Request jiraCall() {
  OAuth1Request request;
  request.method = "GET";
  request.url = kUrl;
  request.consumerKey = "host-consumer";
  request.privateKeyPem = ih::bench::benchKeyPair().privatePkcs8Pem;
  request.token = "aBcDeFgHiJkLmNoPqRsTuVwXyZ012345";
  return request;
}

void oauth1Sign(benchmark::State& state) {
  const OAuth1Request request = jiraCall();
  for (auto _ : state) benchmark::DoNotOptimize(signOAuth1(request));
}
BENCHMARK(oauth1Sign)->Unit(benchmark::kMicrosecond);

void oauth1BaseString(benchmark::State& state) {
  const std::vector<std::pair<std::string, std::string>> params = {
      {"oauth_consumer_key", "host-consumer"},       {"oauth_nonce", "0123456789abcdef0123456789abcdef"},
      {"oauth_signature_method", "RSA-SHA1"},        {"oauth_timestamp", "1760000000"},
      {"oauth_token", "aBcDeFgHiJkLmNoPqRsTuVwXyZ012345"}, {"oauth_version", "1.0"}};
  for (auto _ : state) benchmark::DoNotOptimize(ih::host::auth::oauth1BaseString("GET", kUrl, params));
}
BENCHMARK(oauth1BaseString);

}  // namespace
