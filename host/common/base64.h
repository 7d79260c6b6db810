// host/common/base64.h - the one base64 codec of the host and the mock
// (plugins have no use for base64, so it is not in the SDK): standard base64
// with padding (sealed secrets, RSA-SHA1 signatures, cassette bodies) and
// unpadded base64url (JWT, RFC 7515; session tokens).
//
// Over OpenSSL's EVP_EncodeBlock/EVP_DecodeBlock, which the host and the mock
// link anyway. Poco::Base64Encoder/Decoder would do too, but its stream
// plumbing costs ~1.7 us per decode against ~0.05 us here, and a JWT check
// (three decodes) runs on every webhook delivery.
//
// Decoding is strict: a text decodes only when it is exactly what encoding
// its bytes would write (alphabet, padding, no whitespace, zero unused bits),
// so one byte string has one textual form and a token cannot be altered
// without changing its text. The decoders are plain functions on raw text
// (fuzz entries).
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
