// Internal to ih_test_support: ASCII lowercasing for case-insensitive header names.
#pragma once

#include <algorithm>
#include <cctype>
#include <string>

namespace ih::testing::detail {

inline std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

}  // namespace ih::testing::detail
