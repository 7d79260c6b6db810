// Unpredictable identifiers for the mock (OAuth tokens, verifiers, session handles, and
// the values replay invents for unbound placeholders), drawn from OpenSSL's CSPRNG.
#pragma once

#include <string>

namespace ih::mock {

// `length` characters from [A-Za-z0-9].
std::string randomAlphanumeric(std::size_t length);
// 2*bytes lowercase hex characters.
std::string randomHex(std::size_t bytes);

}  // namespace ih::mock
