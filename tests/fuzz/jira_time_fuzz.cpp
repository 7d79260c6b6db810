// Fuzz target: the Jira time parser (ihp/sdk/timestamp.hpp) that orders a
// ticket's changes. A time it accepts formats back to text it reads as the
// same instant.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "ihp/sdk/timestamp.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace timestamp = ihp::sdk::timestamp;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto ms = timestamp::parseMs(text);
  if (!ms) return 0;
  const auto again = timestamp::parseMs(timestamp::formatMs(*ms, timestamp::UtcSuffix::NumericOffset));
  FUZZ_CHECK(again && *again == *ms);
  return 0;
}
