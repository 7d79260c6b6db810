// ihp/sdk/utf8.hpp - the one UTF-8 check of the project: every string the
// JSON reader hands out, the mock's cassette bodies, anything that must hand
// on valid text. And lengths in code points, for limits stated in characters
// (what a person counts, and what Python's len() and PostgreSQL's
// varchar(n) count), which host and plugins must agree on.
//
// Strict (RFC 3629): no overlong forms, no surrogates (U+D800..U+DFFF), nothing
// above U+10FFFF, no truncated sequence. It runs RapidJSON's validating DFA
// (B. Hoehrmann's), which every SDK user already compiles, rather than a
// hand-written decoder, after skipping the ASCII prefix (most JSON strings are
// ASCII, and an ASCII byte always ends a sequence).
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include <rapidjson/encodings.h>
#include <rapidjson/memorystream.h>

namespace ihp::sdk::utf8 {

inline bool isValid(std::string_view text) {
  // Eight bytes at a time while none has its high bit set: the reader checks
  // every string of every webhook body.
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  size_t ascii = 0;
  for (uint64_t word = 0; ascii + sizeof word <= text.size(); ascii += sizeof word) {
    std::memcpy(&word, text.data() + ascii, sizeof word);
    if ((word & kHighBits) != 0) break;
  }
  while (ascii < text.size() && static_cast<unsigned char>(text[ascii]) < 0x80) ++ascii;
  if (ascii == text.size()) return true;
  text.remove_prefix(ascii);
  rapidjson::MemoryStream bytes(text.data(), text.size());
  struct Discard {
    void Put(char) {}
  } sink;
  while (bytes.Tell() < text.size()) {
    if (!rapidjson::UTF8<>::Validate(bytes, sink)) return false;
  }
  return true;
}

inline bool isContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0u) == 0x80u; }

// The number of code points in UTF-8 text.
inline size_t codePoints(std::string_view text) {
  size_t count = 0;
  for (char c : text) {
    if (!isContinuationByte(c)) ++count;
  }
  return count;
}

// The first `maxCodePoints` code points, never splitting a multi-byte sequence.
inline std::string prefix(std::string_view text, size_t maxCodePoints) {
  size_t seen = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (isContinuationByte(text[i])) continue;
    if (seen == maxCodePoints) return std::string(text.substr(0, i));
    ++seen;
  }
  return std::string(text);
}

}  // namespace ihp::sdk::utf8
