// host/common/strings.h - small string helpers shared by the host services
// (case folding for case-insensitive lookups, trimming).
#pragma once

#include <string>
#include <string_view>

namespace ih::host {

// ASCII lower-casing: the key of case-insensitive email and slug lookups.
// Non-ASCII bytes are kept as they are (UTF-8 stays valid).
std::string toLowerAscii(std::string_view text);
std::string toUpperAscii(std::string_view text);
std::string_view trim(std::string_view text);

}  // namespace ih::host
