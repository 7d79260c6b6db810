// tests/support/nested_json.h - hostile JSON for the tests that prove the
// reader's depth limit: arrays or objects nested `depth` levels deep
// ("[[[]]]", {"a":{"a":1}}), as the attacker of issue 9 sent them.
#pragma once

#include <cstddef>
#include <string>

namespace ih::testing {

inline std::string nestedJsonArrays(size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

inline std::string nestedJsonObjects(size_t depth) {
  std::string text;
  text.reserve(depth * 6 + 1);
  for (size_t i = 0; i < depth; ++i) text += R"({"a":)";
  return text + "1" + std::string(depth, '}');
}

}  // namespace ih::testing
