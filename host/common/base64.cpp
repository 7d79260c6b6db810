// host/common/base64.cpp - see base64.h.
#include "common/base64.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/Exception.h>

#include <iterator>
#include <sstream>

namespace ih::host {

namespace {

constexpr int kStandard = 0;
constexpr int kUrl = Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING;

std::string encode(std::string_view bytes, int options) {
  std::ostringstream out;
  Poco::Base64Encoder encoder(out, options);
  encoder.rdbuf()->setLineLength(0);  // one line: tokens and headers cannot wrap
  encoder.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  encoder.close();
  return std::move(out).str();
}

std::optional<std::string> decode(std::string_view text, int options) {
  std::istringstream in{std::string(text)};
  Poco::Base64Decoder decoder(in, options);
  std::string bytes;
  try {
    bytes.assign(std::istreambuf_iterator<char>(decoder), std::istreambuf_iterator<char>());
  } catch (const Poco::Exception&) {  // DataFormatException on a character outside the alphabet
    return std::nullopt;
  }
  // Canonical form only (see base64.h): re-encoding must give the text back.
  if (encode(bytes, options) != text) return std::nullopt;
  return bytes;
}

}  // namespace

std::string base64Encode(std::string_view bytes) { return encode(bytes, kStandard); }
std::optional<std::string> base64Decode(std::string_view text) { return decode(text, kStandard); }

std::string base64UrlEncode(std::string_view bytes) { return encode(bytes, kUrl); }
std::optional<std::string> base64UrlDecode(std::string_view text) { return decode(text, kUrl); }

}  // namespace ih::host
