// ihp/sdk/json_builder.hpp - the one JSON writer of the project: host answers,
// documents crossing the plugin ABI, plugin requests to Jira and the mock's
// Jira answers are all built with JsonBuilder.
//
// A thin fluent layer over rapidjson::Writer: streaming (no DOM), so views are
// cheap, and raw() splices an already-serialised document (a stored config,
// an issue inside a webhook payload) without re-parsing it.
//
// Every writer of the project is a TextWriter (or PrettyTextWriter), never a
// plain rapidjson::Writer<StringBuffer>: with RAPIDJSON_SSE2 (defined by the
// project's build), RapidJSON 1.1 specialises exactly that type with a SIMD
// string scan that takes a byte for a control character only up to 0x19, so
// a string holding 0x1A-0x1F (read from a "\u001d" escape, say) is written
// out raw: the text is not JSON, and the host's own reader refuses it
// (docs/fuzzing.md, finding 10). A writer on a stack allocator of its own
// type is not that specialisation and escapes every control character.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include <rapidjson/allocators.h>
#include <rapidjson/document.h>
#include <rapidjson/encodings.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace ihp::sdk::json {

// The writer's nesting stack allocates as CrtAllocator does; its type is what
// steers RapidJSON away from the faulty specialisation (see above).
struct EscapingWriterStack : rapidjson::CrtAllocator {};
using TextWriter =
    rapidjson::Writer<rapidjson::StringBuffer, rapidjson::UTF8<>, rapidjson::UTF8<>, EscapingWriterStack>;
using PrettyTextWriter =
    rapidjson::PrettyWriter<rapidjson::StringBuffer, rapidjson::UTF8<>, rapidjson::UTF8<>, EscapingWriterStack>;

class JsonBuilder {
 public:
  JsonBuilder() : writer_(buffer_) {}
  JsonBuilder(const JsonBuilder&) = delete;
  JsonBuilder& operator=(const JsonBuilder&) = delete;

  JsonBuilder& beginObject() { return ok(writer_.StartObject()); }
  JsonBuilder& endObject() { return ok(writer_.EndObject()); }
  JsonBuilder& beginArray() { return ok(writer_.StartArray()); }
  JsonBuilder& endArray() { return ok(writer_.EndArray()); }
  JsonBuilder& key(std::string_view k) { return ok(writer_.Key(k.data(), static_cast<rapidjson::SizeType>(k.size()))); }

  JsonBuilder& value(std::string_view v) {
    return ok(writer_.String(v.data(), static_cast<rapidjson::SizeType>(v.size())));
  }
  JsonBuilder& value(const char* v) { return value(std::string_view(v)); }
  JsonBuilder& value(const std::string& v) { return value(std::string_view(v)); }
  // Every integer type (int, int64_t, size_t, ...); bool has its own overload.
  template <class T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
  JsonBuilder& value(T v) {
    if constexpr (std::is_signed_v<T>) {
      return ok(writer_.Int64(static_cast<int64_t>(v)));
    } else {
      return ok(writer_.Uint64(static_cast<uint64_t>(v)));
    }
  }
  JsonBuilder& value(double v) { return ok(writer_.Double(v)); }
  JsonBuilder& value(bool v) { return ok(writer_.Bool(v)); }
  JsonBuilder& null() { return ok(writer_.Null()); }
  JsonBuilder& value(const rapidjson::Value& v) { return ok(v.Accept(writer_)); }
  // Splices serialised JSON as one value; an empty string becomes null.
  JsonBuilder& raw(std::string_view json) {
    if (json.empty()) return null();
    return ok(writer_.RawValue(json.data(), json.size(), rapidjson::kObjectType));
  }

  template <class T>
  JsonBuilder& field(std::string_view k, const T& v) {
    key(k);
    return value(v);
  }
  // An empty optional writes null, as Jira and the contract do for unset fields.
  template <class T>
  JsonBuilder& field(std::string_view k, const std::optional<T>& v) {
    key(k);
    return v ? value(*v) : null();
  }
  JsonBuilder& nullField(std::string_view k) { return key(k).null(); }
  JsonBuilder& rawField(std::string_view k, std::string_view json) { return key(k).raw(json); }

  std::string str() const { return std::string(buffer_.GetString(), buffer_.GetSize()); }

 private:
  JsonBuilder& ok(bool) { return *this; }

  rapidjson::StringBuffer buffer_;
  TextWriter writer_;
};

// Compact text of a value (of a document read() produced, so its depth is bounded).
inline std::string stringify(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  TextWriter writer(buffer);
  value.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace ihp::sdk::json
