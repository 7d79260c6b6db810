// host/plugins/descriptor_check.cpp - see descriptor_check.h.
#include "plugins/descriptor_check.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <vector>

#include "ihp/sdk/hex.hpp"
#include "routing/path_pattern.h"

namespace ih::host::plugins {

namespace {

// The first 64 bytes of untrusted text, with anything unprintable escaped,
// so a garbage descriptor cannot forge or break the log line.
std::string printable(std::string_view text) {
  std::string out;
  for (unsigned char c : text.substr(0, 64)) {
    if (c >= 0x20 && c < 0x7f) {
      out.push_back(static_cast<char>(c));
    } else {
      out += "\\x" + ihp::sdk::hex::encode(&c, 1);
    }
  }
  if (text.size() > 64) out += "...";
  return out;
}

// Reads one descriptor string; fails on (NULL, len > 0).
class Reader {
 public:
  std::optional<std::string> text(ihp_str s, const std::string& what) {
    if (s.ptr == nullptr && s.len > 0) {
      fail(what + " is malformed (NULL pointer with length " + std::to_string(s.len) + ")");
      return std::nullopt;
    }
    return s.ptr == nullptr ? std::string() : std::string(s.ptr, s.len);
  }
  std::optional<std::string> nonEmpty(ihp_str s, const std::string& what) {
    auto value = text(s, what);
    if (value && value->empty()) {
      fail(what + " is empty");
      return std::nullopt;
    }
    return value;
  }
  template <class T>
  bool array(const T* items, uint32_t count, const std::string& what) {
    if (count > 0 && items == nullptr) {
      fail(what + "_count is " + std::to_string(count) + " but " + what + "s is NULL");
      return false;
    }
    return true;
  }
  void fail(std::string reason) {
    if (reason_.empty()) reason_ = std::move(reason);
  }
  bool failed() const { return !reason_.empty(); }
  std::string reason() const { return reason_; }

 private:
  std::string reason_;
};

bool validKey(const std::string& key) {
  return !key.empty() && key.size() <= 64 && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

bool validMethod(const std::string& method) {
  return !method.empty() && method.size() <= 16 &&
         std::all_of(method.begin(), method.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

void readRoutes(const ihp_plugin_api& table, Reader& reader, PluginInfo& info) {
  const std::string dashed = [&] {
    std::string k = info.key;
    std::replace(k.begin(), k.end(), '_', '-');
    return k;
  }();
  const std::string prefix = "/extensions/" + info.key + "/";
  const std::string dashedPrefix = "/extensions/" + dashed + "/";
  for (uint32_t i = 0; i < table.route_count && !reader.failed(); ++i) {
    const ihp_route& raw = table.routes[i];
    const std::string what = "route " + std::to_string(i);
    auto method = reader.text(raw.method, what + " method");
    auto pattern = reader.text(raw.path_pattern, what + " path_pattern");
    if (!method || !pattern) return;
    if (!validMethod(*method)) return reader.fail(what + " has an invalid method '" + printable(*method) + "'");
    if (pattern->rfind(prefix, 0) != 0 && pattern->rfind(dashedPrefix, 0) != 0)
      return reader.fail(what + " (" + *method + " " + printable(*pattern) + ") is outside " + prefix +
                         (dashed == info.key ? "" : " and " + dashedPrefix));
    std::string why = routing::pathPatternError(*pattern);
    if (!why.empty()) return reader.fail(what + " has an invalid pattern '" + printable(*pattern) + "': " + why);
    if (raw.access != IHP_ROUTE_PUBLIC && raw.access != IHP_ROUTE_ORG_MEMBER)
      return reader.fail(what + " has an unknown access value " + std::to_string(raw.access));
    // The organization a member route checks comes from its {org} segment:
    // without one every request would fail, so the plugin is refused here.
    const std::vector<std::string_view> segments = routing::splitPath(*pattern);
    if (raw.access == IHP_ROUTE_ORG_MEMBER && std::find(segments.begin(), segments.end(), "{org}") == segments.end())
      return reader.fail(what + " (" + *method + " " + printable(*pattern) +
                         ") is for organization members but has no {org} segment");
    info.routes.push_back(PluginRoute{*method, *pattern, raw.access});
  }
  if (!reader.failed() && table.route_count > 0 && table.handle_request == nullptr)
    reader.fail("routes are declared but handle_request is NULL");
}

void readPipeline(const ihp_plugin_api& table, Reader& reader, PluginInfo& info) {
  for (uint32_t i = 0; i < table.pipeline_step_count && !reader.failed(); ++i) {
    auto step = reader.nonEmpty(table.pipeline_steps[i], "pipeline step " + std::to_string(i));
    if (step) info.pipelineSteps.push_back(*step);
  }
  if (reader.failed()) return;
  if (table.pipeline_step_count > 0 && table.pipeline_step == nullptr)
    return reader.fail("pipeline steps are declared but pipeline_step is NULL");
  auto param = reader.text(table.pipeline_callback_param, "pipeline_callback_param");
  if (param) info.pipelineCallbackParam = *param;
}

}  // namespace

DescriptorResult readDescriptor(const ihp_plugin_api& table) {
  DescriptorResult result;
  PluginInfo& info = result.info;
  Reader reader;
  auto key = reader.text(table.key, "key");
  if (key && !validKey(*key)) reader.fail("invalid key '" + printable(*key) + "' (must match [a-z0-9_]{1,64})");
  if (key) info.key = *key;
  if (!reader.failed()) {
    auto name = reader.nonEmpty(table.name, "name");
    auto version = reader.nonEmpty(table.version, "version");
    if (name) info.name = *name;
    if (version) info.version = *version;
  }
  if (!reader.failed() && reader.array(table.features, table.feature_count, "feature")) {
    for (uint32_t i = 0; i < table.feature_count && !reader.failed(); ++i) {
      auto feature = reader.nonEmpty(table.features[i], "feature " + std::to_string(i));
      if (feature) info.features.push_back(*feature);
    }
  }
  info.threadSafe = (table.flags & IHP_PLUGIN_THREAD_SAFE) != 0;
  if (!reader.failed() && reader.array(table.routes, table.route_count, "route")) readRoutes(table, reader, info);
  if (!reader.failed() && reader.array(table.pipeline_steps, table.pipeline_step_count, "pipeline_step"))
    readPipeline(table, reader, info);
  if (!reader.failed() && table.init == nullptr) reader.fail("required hook init is NULL");
  result.reason = reader.reason();
  return result;
}

}  // namespace ih::host::plugins
