// common/strings.h - small text helpers shared by every flow of the plugin:
// Python-like whitespace trimming. (UTF-8 lengths and truncation are the
// SDK's, ihp/sdk/utf8.hpp, so that host and plugin count alike.)
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ih::jira {

// Strips leading and trailing whitespace the way Python's str.strip() does for
// ASCII (space, \t \n \v \f \r and the \x1c-\x1f separators).
std::string_view trimWhitespace(std::string_view text);

// Removes every trailing `c` (Python's rstrip(c)).
std::string_view stripTrailing(std::string_view text, char c);

}  // namespace ih::jira
