// Standard base64 (with padding) over OpenSSL, for cassette bodies and RSA signatures.
#pragma once

#include <string>
#include <string_view>

namespace ih::mock {

std::string base64Encode(std::string_view bytes);
// Throws std::invalid_argument on malformed input.
std::string base64Decode(std::string_view text);

}  // namespace ih::mock
