// Fuzz target: the URL codecs (ihp/sdk/url.hpp) every request path, query and
// OAuth parameter goes through. Encoding then strict decoding gives the input
// back; strict decoding refuses every malformed escape; the query and form
// codecs round-trip.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "ihp/sdk/url.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace url = ihp::sdk::url;
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  const std::string encoded = url::percentEncode(text);
  for (char c : encoded) FUZZ_CHECK(url::detail::isUnreserved(c) || c == '%');
  const auto decoded = url::percentDecodeStrict(encoded);
  FUZZ_CHECK(decoded && *decoded == text);

  // Lenient and strict decoding of raw input never crash; where strict
  // decoding accepts, both agree.
  const std::string lenient = url::percentDecode(text);
  if (const auto strict = url::percentDecodeStrict(text)) FUZZ_CHECK(*strict == lenient);

  const url::NameValues pairs = url::parseQuery(text);
  const url::NameValues reread = url::parseQuery(url::formEncode(pairs));
  FUZZ_CHECK(reread == pairs);
  return 0;
}
