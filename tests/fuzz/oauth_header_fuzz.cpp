// Fuzz target: OAuth 1.0a parameter and header parsing (RFC 5849) as the mock
// Jira provider reads a client's `Authorization: OAuth ...` header
// (mocks/jira_server/oauth/oauth_params.h), which the OAuth verification of
// every replayed and end-to-end test relies on. Any header: no crash; what
// it returns can be looked up by name, and the signature base string built
// from it never holds a raw separator from a name or value. (Nameless
// parameters are kept, as Jira's reader does; the validator then finds the
// required ones missing and answers 401.)
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "oauth/oauth_params.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ih::mock;
  const std::string_view header(reinterpret_cast<const char*>(data), size);
  const auto params = parseOAuthHeader(header);
  if (!params) return 0;
  if (!params->empty()) FUZZ_CHECK(findParam(*params, params->front().first) != nullptr);
  const std::string base = signatureBaseString("POST", "https://jira.example.test/plugins/servlet/oauth/request-token",
                                               *params);
  // METHOD & URI & parameters: the two '&' between the three parts are the
  // only raw ones, everything inside is percent-encoded.
  size_t ampersands = 0;
  for (char c : base) ampersands += c == '&' ? 1 : 0;
  FUZZ_CHECK(ampersands == 2);
  return 0;
}
