// common/text_list.h - "a, b\nc" -> ["a","b","c"]: how users type lists into a
// single text box (ignored fields, labels). Entries are trimmed and empty
// ones dropped; order and duplicates are kept as typed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ih::jira {

// Splits on any character of `separators`.
std::vector<std::string> splitTrimmed(std::string_view text, std::string_view separators);

// The entries joined with `separator`.
std::string joinList(const std::vector<std::string>& items, std::string_view separator);

}  // namespace ih::jira
