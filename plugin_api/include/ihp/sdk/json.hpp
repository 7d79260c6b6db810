// ihp/sdk/json.hpp - small RapidJSON conveniences for the JSON documents that
// cross the plugin ABI (and that the host itself builds and reads).
//
// Reading: lookups never throw and return std::nullopt / nullptr when a member
// is missing or has another type, so malformed input is handled where it is
// read. Writing: JsonBuilder is a thin fluent layer over rapidjson::Writer
// that always produces valid UTF-8 JSON; raw() splices an already-serialised
// document (e.g. a stored config) without re-parsing it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace ihp::sdk::json {

using Document = rapidjson::Document;
using Value = rapidjson::Value;

// Parses `text` into `out`; false (and an untouched-but-reset `out`) on error.
inline bool parse(std::string_view text, Document& out) {
  out.Parse(text.data(), text.size());
  return !out.HasParseError();
}

// Parses text that must be a JSON object.
inline bool parseObject(std::string_view text, Document& out) { return parse(text, out) && out.IsObject(); }

inline std::string stringify(const Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

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

class JsonBuilder {
 public:
  JsonBuilder() : writer_(buffer_) {}

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
  JsonBuilder& value(int64_t v) { return ok(writer_.Int64(v)); }
  JsonBuilder& value(int v) { return ok(writer_.Int(v)); }
  JsonBuilder& value(double v) { return ok(writer_.Double(v)); }
  JsonBuilder& value(bool v) { return ok(writer_.Bool(v)); }
  JsonBuilder& null() { return ok(writer_.Null()); }
  JsonBuilder& value(const Value& v) { return ok(v.Accept(writer_)); }
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
  JsonBuilder& nullField(std::string_view k) { return key(k).null(); }
  JsonBuilder& rawField(std::string_view k, std::string_view json) { return key(k).raw(json); }
  // A string member, or null when absent.
  JsonBuilder& optionalField(std::string_view k, const std::optional<std::string>& v) {
    return v ? field(k, *v) : nullField(k);
  }
  JsonBuilder& optionalField(std::string_view k, const std::optional<int64_t>& v) {
    return v ? field(k, *v) : nullField(k);
  }

  std::string str() const { return std::string(buffer_.GetString(), buffer_.GetSize()); }
  bool complete() const { return writer_.IsComplete(); }

 private:
  JsonBuilder& ok(bool) { return *this; }

  rapidjson::StringBuffer buffer_;
  rapidjson::Writer<rapidjson::StringBuffer> writer_;
};

}  // namespace ihp::sdk::json
