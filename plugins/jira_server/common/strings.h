// common/strings.h - small text helpers shared by every flow of the plugin:
// Python-like whitespace trimming, UTF-8 aware truncation, hex encoding.
#pragma once

#include <array>
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

// Lowercase hex of raw bytes.
std::string hexEncode(std::string_view bytes);
std::string hexEncode(const std::array<uint8_t, 32>& digest);

// True when every character is 0-9 or a-f.
bool isLowerHex(std::string_view text);

}  // namespace ih::jira
