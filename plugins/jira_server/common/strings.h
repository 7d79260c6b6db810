// common/strings.h - small text helpers shared by every flow of the plugin:
// Python-like whitespace trimming and UTF-8 aware truncation.
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

// Number of code points in UTF-8 text (Python's len() on the decoded string).
size_t utf8Length(std::string_view text);

// The first `maxCodePoints` code points, never splitting a multi-byte sequence.
std::string utf8Prefix(std::string_view text, size_t maxCodePoints);

}  // namespace ih::jira
