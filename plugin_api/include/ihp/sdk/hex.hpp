// ihp/sdk/hex.hpp - the one hex codec of the project: lowercase hex of raw
// bytes (digests, random tokens, X-Hub-Signature) for plugins, the host and
// the mock. In the header-only SDK because plugins compare webhook
// signatures in hex and link nothing but the SDK.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ihp::sdk::hex {

// Lowercase hex, two characters per byte.
inline std::string encode(const void* data, size_t size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  const auto* bytes = static_cast<const unsigned char*>(data);
  std::string out;
  out.reserve(size * 2);
  for (size_t i = 0; i < size; ++i) {
    out.push_back(kDigits[bytes[i] >> 4]);
    out.push_back(kDigits[bytes[i] & 0x0F]);
  }
  return out;
}
inline std::string encode(std::string_view bytes) { return encode(bytes.data(), bytes.size()); }
template <size_t N>
std::string encode(const std::array<uint8_t, N>& bytes) {
  return encode(bytes.data(), bytes.size());
}

// True when every character is 0-9 or a-f (what encode() writes), so a
// signature of another shape is refused before anything is compared.
inline bool isLowercase(std::string_view text) {
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace ihp::sdk::hex
