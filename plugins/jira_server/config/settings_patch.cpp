#include "config/settings_patch.h"

#include <algorithm>

#include "config/config_keys.h"
#include "config/ignored_fields.h"
#include "config/status_mapping.h"

namespace ih::jira {

namespace json = ihp::sdk::json;

namespace {

template <size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// Writes the normalised value of one setting, or records why it is invalid.
void normaliseSetting(std::string_view key, const json::Value& value, json::JsonBuilder& out, FieldErrors& errors) {
  const std::string field(key);
  if (contains(keys::kBooleanSettings, key)) {
    if (!value.IsBool()) return errors.push_back({field, "Must be a boolean."});
    out.field(key, value.GetBool());
  } else if (key == keys::kResolutionStrategy) {
    if (!value.IsString() || !contains(keys::kResolutionStrategies, std::string_view(value.GetString()))) {
      return errors.push_back({field, "Must be one of: resolve, resolve_current_release, resolve_next_release."});
    }
    out.field(key, std::string_view(value.GetString(), value.GetStringLength()));
  } else if (key == keys::kIssuesIgnoredFields) {
    auto fields = parseIgnoredFields(value);
    if (!fields) return errors.push_back({field, fields.error()});
    out.key(key).beginArray();
    for (const auto& id : fields.value()) out.value(id);
    out.endArray();
  } else if (key == keys::kSyncStatusForward) {
    auto mapping = parseStatusMapping(value);
    if (!mapping) return errors.push_back({field, mapping.error()});
    out.key(key);
    writeStatusMapping(out, mapping.value());
  } else {
    // Plugin-kept keys (form defaults) are not settings either.
    errors.push_back({field, "Unknown setting."});
  }
}

}  // namespace

Expected<std::string, FieldErrors> normaliseSettingsPatch(const json::Value& patch) {
  FieldErrors errors;
  json::JsonBuilder out;
  out.beginObject();
  for (const auto& member : patch.GetObject()) {
    normaliseSetting(std::string_view(member.name.GetString(), member.name.GetStringLength()), member.value, out,
                     errors);
  }
  out.endObject();
  if (!errors.empty()) return fail(std::move(errors));
  return out.str();
}

}  // namespace ih::jira
