#include "common/json_out.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace ih::mock {

struct JsonOut::Impl {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer{buffer};
};

JsonOut::JsonOut() : impl_(std::make_unique<Impl>()) {}
JsonOut::~JsonOut() = default;

JsonOut& JsonOut::beginObject() { impl_->writer.StartObject(); return *this; }
JsonOut& JsonOut::endObject() { impl_->writer.EndObject(); return *this; }
JsonOut& JsonOut::beginArray() { impl_->writer.StartArray(); return *this; }
JsonOut& JsonOut::endArray() { impl_->writer.EndArray(); return *this; }

JsonOut& JsonOut::key(std::string_view name) {
  impl_->writer.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
  return *this;
}

JsonOut& JsonOut::value(std::string_view text) {
  impl_->writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
  return *this;
}

JsonOut& JsonOut::value(std::int64_t number) { impl_->writer.Int64(number); return *this; }
JsonOut& JsonOut::value(bool flag) { impl_->writer.Bool(flag); return *this; }
JsonOut& JsonOut::null() { impl_->writer.Null(); return *this; }

JsonOut& JsonOut::raw(std::string_view json) {
  impl_->writer.RawValue(json.data(), json.size(), rapidjson::kObjectType);
  return *this;
}

JsonOut& JsonOut::field(std::string_view name, const std::optional<std::string>& v) {
  key(name);
  return v ? value(*v) : null();
}

std::string JsonOut::str() const {
  return std::string(impl_->buffer.GetString(), impl_->buffer.GetSize());
}

}  // namespace ih::mock
