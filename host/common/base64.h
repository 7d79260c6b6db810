// host/common/base64.h - the one base64 codec of the host and the mock, over
// Poco::Base64Encoder/Decoder (plugins have no use for base64, so it is not
// in the SDK): standard base64 with padding (sealed secrets, RSA-SHA1
// signatures, cassette bodies) and unpadded base64url (JWT, RFC 7515).
//
// Decoding is strict: a text decodes only when it is exactly what encoding
// its bytes would write (alphabet, padding, no whitespace, zero unused bits),
// so one byte string has one textual form and a token cannot be altered
// without changing its text. Poco alone would skip whitespace and ignore
// unused bits. The decoders are plain functions on raw text (fuzz entries).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ih::host {

std::string base64Encode(std::string_view bytes);
std::optional<std::string> base64Decode(std::string_view text);

std::string base64UrlEncode(std::string_view bytes);  // no padding
std::optional<std::string> base64UrlDecode(std::string_view text);

}  // namespace ih::host
