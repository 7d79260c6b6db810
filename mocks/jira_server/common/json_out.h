// JsonOut: a small streaming JSON writer over RapidJSON, used to render every JSON answer
// the mock sends. Streaming (instead of building a DOM) keeps views cheap and lets a view
// splice in JSON rendered elsewhere (an issue inside a webhook payload) with raw().
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace ih::mock {

class JsonOut {
 public:
  JsonOut();
  ~JsonOut();
  JsonOut(const JsonOut&) = delete;
  JsonOut& operator=(const JsonOut&) = delete;

  JsonOut& beginObject();
  JsonOut& endObject();
  JsonOut& beginArray();
  JsonOut& endArray();
  JsonOut& key(std::string_view name);

  JsonOut& value(std::string_view text);
  JsonOut& value(const char* text) { return value(std::string_view(text)); }
  JsonOut& value(const std::string& text) { return value(std::string_view(text)); }
  JsonOut& value(std::int64_t number);
  JsonOut& value(int number) { return value(static_cast<std::int64_t>(number)); }
  JsonOut& value(bool flag);
  JsonOut& null();
  // Splices already serialised JSON in place of a value.
  JsonOut& raw(std::string_view json);

  // key + value shorthands; an empty optional writes null, as Jira does for unset fields.
  template <typename T>
  JsonOut& field(std::string_view name, const T& v) { key(name); return value(v); }
  JsonOut& field(std::string_view name, const std::optional<std::string>& v);
  JsonOut& nullField(std::string_view name) { key(name); return null(); }
  JsonOut& rawField(std::string_view name, std::string_view json) { key(name); return raw(json); }

  std::string str() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ih::mock
