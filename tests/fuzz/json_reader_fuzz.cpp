// Fuzz target: the one JSON reader of the host, the SDK and the mock
// (ihp/sdk/json_reader.hpp). Any bytes: no crash, no stack overflow at any
// nesting, and whatever it accepts is valid UTF-8 JSON that reads back to
// the same document when written out again (doubles aside: they read back
// within one ulp, json_doubles.h). Reading in place (readInPlace) accepts
// and refuses exactly what read() does, into the same document.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "json_doubles.h"
#include "ihp/sdk/json.hpp"
#include "ihp/sdk/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace json = ihp::sdk::json;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  json::Document doc;
  const json::ReadResult result = json::read(text, doc);
  json::Document inPlace;
  const json::ReadResult inPlaceResult = json::readInPlace(text, inPlace);
  FUZZ_CHECK(inPlaceResult.error == result.error && inPlaceResult.offset == result.offset);
  if (!result.ok()) {
    FUZZ_CHECK(doc.IsNull() && inPlace.IsNull());
    return 0;
  }
  const std::string written = json::stringify(doc);
  FUZZ_CHECK(json::stringify(inPlace) == written);
  FUZZ_CHECK(ihp::sdk::utf8::isValid(written));
  json::Document again;
  FUZZ_CHECK(json::read(written, again).ok());
  // A fixed point rather than RapidJSON's ==, which looks members up by name:
  // an object that repeats a key (legal JSON, read in order) would compare
  // unequal to itself.
  if (!holdsDouble(doc)) FUZZ_CHECK(json::stringify(again) == written);
  return 0;
}
