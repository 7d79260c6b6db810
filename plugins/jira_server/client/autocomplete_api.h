// client/autocomplete_api.h - JQL value suggestions for a field
// (GET /rest/api/2/jql/autocompletedata/suggestions, cached), which back the
// search route for fields other than issues and users. Jira highlights the
// match with HTML in `displayName`; that markup is removed here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "client/jira_client.h"

namespace ih::jira {

struct Suggestion {
  std::string value;
  std::string label;  // displayName without HTML tags
};

class AutocompleteApi {
 public:
  explicit AutocompleteApi(const JiraClient& client) : client_(client) {}

  // `fieldId` as in createmeta; customfield_NNN is asked for as cf[NNN].
  ApiResult<std::vector<Suggestion>> suggestions(std::string_view fieldId, std::string_view query) const;

  static std::string jqlFieldName(std::string_view fieldId);
  static std::string stripTags(std::string_view html);

 private:
  const JiraClient& client_;
};

}  // namespace ih::jira
