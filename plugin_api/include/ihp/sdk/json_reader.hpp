// ihp/sdk/json_reader.hpp - the one JSON reader of the project: the host, the
// SDK (so every plugin) and the mock parse untrusted JSON through read().
//
// Why a reader of our own around RapidJSON: a document is untrusted input
// (request bodies, webhook deliveries, remote answers), and RapidJSON's
// defaults are not safe for it.
//   * Depth. The default parser recurses once per nesting level, and so do
//     Accept (serialising), CopyFrom and a DOM's destructor with a freeing
//     allocator: ~200 000 levels of "[[[[" (200 KB, under any body limit)
//     overflow the stack. read() parses iteratively (kParseIterativeFlag) and
//     refuses a document nested deeper than kMaxDepth while it parses, so no
//     deep DOM ever exists for later code to recurse through.
//   * Encoding. RapidJSON copies invalid UTF-8 through, and even with
//     kParseValidateEncodingFlag a "\uDC00" escape (a lone low surrogate)
//     decodes to bytes that are not UTF-8. read() validates every string and
//     key after decoding (utf8.hpp), which covers raw bytes and escapes alike
//     (outside strings only ASCII is JSON), so what the host stores and
//     serves is UTF-8. Validating the decoded strings costs a fraction of
//     the flag, which doubles the parse time of a Jira webhook.
// read() is a plain function on raw bytes, so a fuzz target can call it as is.
// Speed: the project's build defines RAPIDJSON_SSE2 on x86-64 for every file
// that includes RapidJSON; a plugin built without it reads the same, slower.
//
// Lookups (member, string, int64, ...) never throw and return std::nullopt /
// nullptr when a member is missing or has another type, so malformed input is
// handled where it is read.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>
#include <rapidjson/encodedstream.h>
#include <rapidjson/encodings.h>
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include "ihp/sdk/utf8.hpp"

namespace ihp::sdk::json {

using Document = rapidjson::Document;
using Value = rapidjson::Value;

// Deepest nesting of arrays and objects read() accepts ([] is depth 1). No
// document the host or Jira exchanges comes near it; the contract promises
// 400 beyond it.
inline constexpr unsigned kMaxDepth = 64;

enum class ReadError { None, Syntax, Encoding, TooDeep };

struct ReadResult {
  ReadError error = ReadError::None;
  size_t offset = 0;  // byte offset where reading stopped (errors only)
  rapidjson::ParseErrorCode syntax = rapidjson::kParseErrorNone;

  bool ok() const { return error == ReadError::None; }
  explicit operator bool() const { return ok(); }

  // What is wrong and where, for a 400 answer or a log line; never quotes the input.
  std::string reason() const {
    const std::string at = " (at byte " + std::to_string(offset) + ")";
    switch (error) {
      case ReadError::None: return "valid JSON";
      case ReadError::Syntax: {
        std::string what = rapidjson::GetParseError_En(syntax);
        if (!what.empty() && what.back() == '.') what.pop_back();
        return what + at;
      }
      case ReadError::Encoding: return "not valid UTF-8" + at;
      case ReadError::TooDeep: return "nested deeper than " + std::to_string(kMaxDepth) + " levels";
    }
    return "invalid JSON";
  }
};

namespace detail {

// NULs after a copy of the input (see copyPadded()).
inline constexpr size_t kSimdPadding = 16;

// Forwards SAX events to the document being built, refusing nesting beyond
// kMaxDepth and strings that decoded to something that is not UTF-8.
// Refusing makes the parser stop at once, so a hostile document costs at
// most kMaxDepth levels of work.
class GuardedHandler {
 public:
  explicit GuardedHandler(Document& target) : target_(target) {}

  bool Null() { return target_.Null(); }
  bool Bool(bool b) { return target_.Bool(b); }
  bool Int(int i) { return target_.Int(i); }
  bool Uint(unsigned u) { return target_.Uint(u); }
  bool Int64(int64_t i) { return target_.Int64(i); }
  bool Uint64(uint64_t u) { return target_.Uint64(u); }
  // RapidJSON turns a number beyond double's range (5e308) into infinity
  // instead of refusing it, and no JSON writer can write that back (the
  // host would answer or store broken JSON): refused like RapidJSON's own
  // "number too big" (found by tests/fuzz/json_reader_fuzz).
  bool Double(double d) {
    if (std::isfinite(d)) return target_.Double(d);
    numberTooBig_ = true;
    return false;
  }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool copy) { return target_.RawNumber(s, n, copy); }
  bool String(const char* s, rapidjson::SizeType n, bool copy) {
    return decodedUtf8(s, n) && target_.String(s, n, copy);
  }
  bool Key(const char* s, rapidjson::SizeType n, bool copy) { return decodedUtf8(s, n) && target_.Key(s, n, copy); }
  bool StartObject() { return enter() && target_.StartObject(); }
  bool EndObject(rapidjson::SizeType members) {
    --depth_;
    return target_.EndObject(members);
  }
  bool StartArray() { return enter() && target_.StartArray(); }
  bool EndArray(rapidjson::SizeType elements) {
    --depth_;
    return target_.EndArray(elements);
  }

  ReadError refusal() const { return refusal_; }
  bool numberTooBig() const { return numberTooBig_; }

 private:
  bool enter() {
    if (++depth_ <= kMaxDepth) return true;
    refusal_ = ReadError::TooDeep;
    return false;
  }
  bool decodedUtf8(const char* s, rapidjson::SizeType n) {
    if (utf8::isValid(std::string_view(s, n))) return true;
    refusal_ = ReadError::Encoding;
    return false;
  }

  Document& target_;
  unsigned depth_ = 0;
  ReadError refusal_ = ReadError::None;
  bool numberTooBig_ = false;
};

// RapidJSON 1.1's SSE2 string scan takes a byte for a control character only
// up to 0x19, so inside a string it would let raw 0x1A-0x1F through, which
// JSON forbids (docs/fuzzing.md, finding 9). Raw, those bytes are invalid
// anywhere in a document, so one found here sends the text to the byte-wise
// parse, which refuses it where it stands. Eight bytes at a time: this runs
// over every body the host reads.
inline bool holdsControlByteTheSimdScanMisses(std::string_view text) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  size_t at = 0;
  for (uint64_t word = 0; at + sizeof word <= text.size(); at += sizeof word) {
    std::memcpy(&word, text.data() + at, sizeof word);
    // A zero byte of `masked` is a byte 0x18-0x1F of the word.
    const uint64_t masked = (word & (0xF8 * kOnes)) ^ (0x18 * kOnes);
    if (((masked - kOnes) & ~masked & (0x80 * kOnes)) != 0) break;  // look closer, byte by byte
  }
  for (; at < text.size(); ++at) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte >= 0x1A && byte <= 0x1F) return true;
  }
  return false;
}

// Parses `text` from `input`, a RapidJSON stream over its bytes (or over a
// copy of them, in place with kParseInsituFlag).
template <unsigned kExtraFlags, typename Stream>
ReadResult readFrom(std::string_view text, Stream& input, Document& out) {
  // Not kParseFullPrecisionFlag, though it would make doubles read back
  // bit-exact: RapidJSON 1.1's full-precision path misreads numbers past
  // double's range (5e308 becomes -8.69e-309) instead of overflowing, which
  // nothing downstream could catch. The default is within one ulp, and no
  // reader of ours takes a fractional number (docs/fuzzing.md, findings 2, 8).
  constexpr unsigned kFlags = rapidjson::kParseIterativeFlag | kExtraFlags;
  ReadResult result;
  auto generate = [&](Document& handler) {
    GuardedHandler guard(handler);
    rapidjson::Reader reader;
    rapidjson::ParseResult parsed = reader.Parse<kFlags>(input, guard);
    // RapidJSON reads a NUL byte as the end of input, so "[1]\0anything"
    // would pass: the document must end where the bytes do.
    if (parsed && input.Tell() != text.size()) parsed.Set(rapidjson::kParseErrorDocumentRootNotSingular, input.Tell());
    if (parsed) return true;
    result.offset = parsed.Offset();
    result.syntax = guard.numberTooBig() ? rapidjson::kParseErrorNumberTooBig : parsed.Code();
    result.error = guard.refusal() != ReadError::None ? guard.refusal() : ReadError::Syntax;
    return false;
  };
  out.Populate(generate);
  return result;
}

// Reads text holding a raw byte the SIMD scan would let through, byte by byte.
inline ReadResult readByteWise(std::string_view text, Document& out) {
  rapidjson::MemoryStream bytes(text.data(), text.size());
  rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> input(bytes);
  return readFrom<0>(text, input, out);
}

// RapidJSON's SIMD scans (RAPIDJSON_SSE2) read only a NUL-terminated stream,
// and they load whole aligned 16-byte blocks, so the bytes are copied with 16
// NULs after them: a block that holds the end never reaches past the copy.
inline void copyPadded(std::string_view text, char* to) {
  std::memcpy(to, text.data(), text.size());
  std::memset(to + text.size(), 0, kSimdPadding);
}

}  // namespace detail

// Parses `text` into `out`. On failure `out` is null and the result says why.
inline ReadResult read(std::string_view text, Document& out) {
  out.SetNull();
  if (detail::holdsControlByteTheSimdScanMisses(text)) return detail::readByteWise(text, out);
  std::string padded(text.size() + detail::kSimdPadding, '\0');
  detail::copyPadded(text, padded.data());
  rapidjson::StringStream input(padded.c_str());
  return detail::readFrom<0>(text, input, out);
}

// The same, parsed in place: the copy of `text` is held by the document's
// own allocator and its strings point into it, instead of each being copied
// once more, which was half of a webhook body's read (docs/benchmarks.md,
// issue 12 "Round 18"). For a document that is only looked into: RapidJSON's
// CopyFrom() copies such strings as references, so a value copied into
// another document would point into this one.
inline ReadResult readInPlace(std::string_view text, Document& out) {
  out.SetNull();
  if (detail::holdsControlByteTheSimdScanMisses(text)) return detail::readByteWise(text, out);
  char* copy = static_cast<char*>(out.GetAllocator().Malloc(text.size() + detail::kSimdPadding));
  detail::copyPadded(text, copy);
  rapidjson::InsituStringStream input(copy);
  return detail::readFrom<rapidjson::kParseInsituFlag>(text, input, out);
}

// The same, as a yes/no.
inline bool parse(std::string_view text, Document& out) { return read(text, out).ok(); }

// Parses text that must be a JSON object.
inline bool parseObject(std::string_view text, Document& out) { return parse(text, out) && out.IsObject(); }

inline const Value* member(const Value& object, std::string_view key) {
  if (!object.IsObject()) return nullptr;
  auto it = object.FindMember(Value(rapidjson::StringRef(key.data(), key.size())));
  return it == object.MemberEnd() ? nullptr : &it->value;
}

inline std::optional<std::string> string(const Value& object, std::string_view key) {
  const Value* v = member(object, key);
  if (v == nullptr || !v->IsString()) return std::nullopt;
  return std::string(v->GetString(), v->GetStringLength());
}

inline std::string stringOr(const Value& object, std::string_view key, std::string_view fallback = {}) {
  auto v = string(object, key);
  return v ? *v : std::string(fallback);
}

inline std::optional<int64_t> int64(const Value& object, std::string_view key) {
  const Value* v = member(object, key);
  if (v == nullptr || !v->IsInt64()) return std::nullopt;
  return v->GetInt64();
}

inline std::optional<bool> boolean(const Value& object, std::string_view key) {
  const Value* v = member(object, key);
  if (v == nullptr || !v->IsBool()) return std::nullopt;
  return v->GetBool();
}

// The strings of an array member; absent, non-array members and non-string
// items are skipped (an empty list).
inline std::vector<std::string> stringArray(const Value& object, std::string_view key) {
  std::vector<std::string> out;
  const Value* v = member(object, key);
  if (v == nullptr || !v->IsArray()) return out;
  for (const auto& item : v->GetArray()) {
    if (item.IsString()) out.emplace_back(item.GetString(), item.GetStringLength());
  }
  return out;
}

// A string or an integer as text, for slots Jira fills either way (ids are
// "10000" in most resources, 10000 in some, and in proxies); nullopt for
// anything else.
inline std::optional<std::string> scalarText(const Value& value) {
  if (value.IsString()) return std::string(value.GetString(), value.GetStringLength());
  if (value.IsInt64()) return std::to_string(value.GetInt64());
  return std::nullopt;
}
inline std::optional<std::string> scalarText(const Value& object, std::string_view key) {
  const Value* v = member(object, key);
  return v == nullptr ? std::nullopt : scalarText(*v);
}

// Truthiness as Python sees it, for config toggles: missing/null/false/0/"" are false.
inline bool truthy(const Value& object, std::string_view key) {
  const Value* v = member(object, key);
  if (v == nullptr || v->IsNull()) return false;
  if (v->IsBool()) return v->GetBool();
  if (v->IsNumber()) return v->GetDouble() != 0.0;
  if (v->IsString()) return v->GetStringLength() > 0;
  if (v->IsObject()) return v->MemberCount() > 0;
  if (v->IsArray()) return !v->Empty();
  return false;
}

}  // namespace ihp::sdk::json
