#include "client/autocomplete_api.h"

#include "client/json_get.h"
#include "ihp/sdk/url.hpp"

namespace ih::jira {

namespace json = ihp::sdk::json;

std::string AutocompleteApi::jqlFieldName(std::string_view fieldId) {
  constexpr std::string_view kCustomPrefix = "customfield_";
  if (fieldId.substr(0, kCustomPrefix.size()) == kCustomPrefix) {
    return "cf[" + std::string(fieldId.substr(kCustomPrefix.size())) + "]";
  }
  return std::string(fieldId);
}

std::string AutocompleteApi::stripTags(std::string_view html) {
  std::string text;
  bool inTag = false;
  for (char c : html) {
    if (c == '<') {
      inTag = true;
    } else if (c == '>' && inTag) {
      inTag = false;
    } else if (!inTag) {
      text.push_back(c);
    }
  }
  return text;
}

ApiResult<std::vector<Suggestion>> AutocompleteApi::suggestions(std::string_view fieldId,
                                                                std::string_view query) const {
  const std::string path =
      "/rest/api/2/jql/autocompletedata/suggestions?fieldName=" + ihp::sdk::url::percentEncode(jqlFieldName(fieldId)) +
      "&fieldValue=" + ihp::sdk::url::percentEncode(query);
  json::Document doc;
  if (auto got = getJson(client_, path, true, doc); !got) return fail(got.error());
  const json::Value* results = json::member(doc, "results");
  if (results == nullptr || !results->IsArray()) return fail(ApiError::invalidResponse("suggestions without results"));
  std::vector<Suggestion> suggestions;
  for (const auto& item : results->GetArray()) {
    Suggestion suggestion{json::stringOr(item, "value"), stripTags(json::stringOr(item, "displayName"))};
    if (!suggestion.value.empty()) suggestions.push_back(std::move(suggestion));
  }
  return suggestions;
}

}  // namespace ih::jira
