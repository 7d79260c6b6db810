// ihp/sdk/utf8.hpp - the one UTF-8 check of the project: every string the
// JSON reader hands out, the mock's cassette bodies, anything that must hand
// on valid text.
//
// Strict (RFC 3629): no overlong forms, no surrogates (U+D800..U+DFFF), nothing
// above U+10FFFF, no truncated sequence. It runs RapidJSON's validating DFA
// (B. Hoehrmann's), which every SDK user already compiles, rather than a
// hand-written decoder, after skipping the ASCII prefix (most JSON strings are
// ASCII, and an ASCII byte always ends a sequence).
#pragma once

#include <string_view>

#include <rapidjson/encodings.h>
#include <rapidjson/memorystream.h>

namespace ihp::sdk::utf8 {

inline bool isValid(std::string_view text) {
  size_t ascii = 0;
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

}  // namespace ihp::sdk::utf8
