// host/common/base64.cpp - see base64.h.
#include "common/base64.h"

#include <openssl/evp.h>

#include <algorithm>
#include <limits>

namespace ih::host {

namespace {

const unsigned char* bytesOf(std::string_view text) { return reinterpret_cast<const unsigned char*>(text.data()); }

// base64url differs from base64 only in two characters and the padding.
void toUrlAlphabet(std::string& text) {
  std::replace(text.begin(), text.end(), '+', '-');
  std::replace(text.begin(), text.end(), '/', '_');
  text.erase(text.find_last_not_of('=') + 1);
}

std::optional<std::string> decodeStandard(std::string_view text) {
  if (text.size() % 4 != 0 || text.size() > static_cast<size_t>(std::numeric_limits<int>::max())) return std::nullopt;
  std::string bytes(text.size() / 4 * 3, '\0');
  const int written = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(bytes.data()), bytesOf(text),
                                      static_cast<int>(text.size()));
  if (written < 0) return std::nullopt;
  // EVP_DecodeBlock counts each '=' as a zero byte.
  const size_t padding = text.size() - (text.find_last_not_of('=') + 1);
  if (padding > 2 || padding > static_cast<size_t>(written)) return std::nullopt;
  bytes.resize(static_cast<size_t>(written) - padding);
  return bytes;
}

}  // namespace

std::string base64Encode(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3), '\0');
  const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), bytesOf(bytes),
                                      static_cast<int>(bytes.size()));
  out.resize(static_cast<size_t>(written));
  return out;
}

std::optional<std::string> base64Decode(std::string_view text) {
  std::optional<std::string> bytes = decodeStandard(text);
  // Canonical form only (see base64.h): re-encoding must give the text back.
  if (!bytes || base64Encode(*bytes) != text) return std::nullopt;
  return bytes;
}

std::string base64UrlEncode(std::string_view bytes) {
  std::string out = base64Encode(bytes);
  toUrlAlphabet(out);
  return out;
}

std::optional<std::string> base64UrlDecode(std::string_view text) {
  std::string standard(text);
  std::replace(standard.begin(), standard.end(), '-', '+');
  std::replace(standard.begin(), standard.end(), '_', '/');
  standard.append((4 - standard.size() % 4) % 4, '=');
  std::optional<std::string> bytes = decodeStandard(standard);
  if (!bytes || base64UrlEncode(*bytes) != text) return std::nullopt;
  return bytes;
}

}  // namespace ih::host
