// Fuzz target: the route matcher (routing/path_pattern.h) shared by the host's
// router, plugin routes and mock-jira. The input is split at its first NUL
// into a pattern and a request path: malformed patterns are refused with a
// reason, never accepted, and a match yields one decoded value per parameter.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>

#include "fuzz_check.h"
#include "routing/path_pattern.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ih::routing;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t cut = input.find('\0');
  const std::string_view patternText = cut == std::string_view::npos ? input : input.substr(0, cut);
  const std::string_view path = cut == std::string_view::npos ? input : input.substr(cut + 1);

  const auto segments = splitPath(path);
  for (const auto& segment : segments) FUZZ_CHECK(segment.find('/') == std::string_view::npos);

  const bool wellFormed = pathPatternError(patternText).empty();
  try {
    const PathPattern pattern(patternText);
    FUZZ_CHECK(wellFormed);
    FUZZ_CHECK(pattern.sameShapeAs(pattern));
    if (const auto params = pattern.match(segments)) {
      FUZZ_CHECK(params->size() + static_cast<size_t>(pattern.literalCount()) == segments.size());
    }
    // The pattern's own text, read as a path, matches itself when it has no parameters.
    if (patternText.find('{') == std::string_view::npos) FUZZ_CHECK(pattern.match(splitPath(patternText)).has_value());
  } catch (const std::invalid_argument&) {
    FUZZ_CHECK(!wellFormed);
  }
  return 0;
}
