#include "config/ignored_fields.h"

#include "common/text_list.h"
#include "config/config_keys.h"

namespace ih::jira {

namespace json = ihp::sdk::json;

namespace {
constexpr std::string_view kSeparators = ",\r\n";
}

Expected<std::vector<std::string>, std::string> parseIgnoredFields(const json::Value& submitted) {
  if (submitted.IsString()) {
    return splitTrimmed(std::string_view(submitted.GetString(), submitted.GetStringLength()), kSeparators);
  }
  if (!submitted.IsArray()) return fail(std::string("Must be a string or a list of strings."));
  std::vector<std::string> fields;
  for (const auto& item : submitted.GetArray()) {
    if (!item.IsString()) return fail(std::string("Must be a string or a list of strings."));
    for (auto& field : splitTrimmed(std::string_view(item.GetString(), item.GetStringLength()), kSeparators)) {
      fields.push_back(std::move(field));
    }
  }
  return fields;
}

std::vector<std::string> ignoredFieldsOf(const json::Value& config) {
  const json::Value* stored = json::member(config, keys::kIssuesIgnoredFields);
  if (stored == nullptr) return {};
  auto fields = parseIgnoredFields(*stored);
  return fields ? std::move(fields.value()) : std::vector<std::string>();
}

std::string ignoredFieldsText(const std::vector<std::string>& fields) { return joinList(fields, ", "); }

}  // namespace ih::jira
