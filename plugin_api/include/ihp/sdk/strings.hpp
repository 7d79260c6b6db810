// ihp/sdk/strings.hpp - conversions between ihp_str and C++ strings, and a
// std::string-backed ihp_sink for the host's variable-size results.
//
// Part of the header-only C++ SDK for plugin authors. Nothing here crosses the
// ABI: the SDK compiles into the plugin, and only the C types of
// plugin_abi.h travel between host and plugin.
#pragma once

#include <string>
#include <string_view>

#include "ihp/plugin_abi.h"

namespace ihp::sdk {

// Borrows `text` for one call; the caller keeps it alive until the call returns.
inline ihp_str str(std::string_view text) { return ihp_str{text.data(), text.size()}; }

// An absent string (ptr == NULL), distinct from an empty one.
inline ihp_str absent() { return ihp_str{nullptr, 0}; }

inline std::string_view view(ihp_str s) {
  return s.ptr == nullptr ? std::string_view() : std::string_view(s.ptr, s.len);
}

inline bool isAbsent(ihp_str s) { return s.ptr == nullptr; }

// Collects what the host writes through an ihp_sink into a std::string.
class StringSink {
 public:
  StringSink() : sink_{sizeof(ihp_sink), this, &StringSink::append} {}
  StringSink(const StringSink&) = delete;
  StringSink& operator=(const StringSink&) = delete;

  const ihp_sink* get() const { return &sink_; }
  std::string& value() { return value_; }
  std::string take() { return std::move(value_); }
  // True when a write could not be kept (out of memory): value() is then
  // incomplete, and the call that filled it must count as failed.
  bool failed() const { return failed_; }

 private:
  // Called through the host's C frames, so nothing may unwind from here.
  static void append(void* self, const char* data, size_t len) noexcept {
    auto* sink = static_cast<StringSink*>(self);
    try {
      sink->value_.append(data, len);
    } catch (...) {
      sink->failed_ = true;
    }
  }

  ihp_sink sink_;
  std::string value_;
  bool failed_ = false;
};

}  // namespace ihp::sdk
