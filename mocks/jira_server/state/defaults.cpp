#include "state/defaults.h"

#include <algorithm>

#include "common/text.h"

namespace ih::mock {
const std::vector<IssueType>& issueTypes() {
  static const std::vector<IssueType> kTypes = {
      {"10004", "Bug", "A problem which impairs or prevents the functions of the product.",
       "/secure/viewavatar?size=xsmall&avatarId=10303&avatarType=issuetype"},
      {"10002", "Task", "A task that needs to be done.",
       "/secure/viewavatar?size=xsmall&avatarId=10318&avatarType=issuetype"},
  };
  return kTypes;
}

const IssueType* findIssueType(std::string_view idOrName) {
  return findIn(issueTypes(), [&](const IssueType& t) { return t.id == idOrName || t.name == idOrName; });
}

const std::vector<Priority>& priorities() {
  static const std::vector<Priority> kPriorities = {
      {"1", "Highest", "#d04437"}, {"2", "High", "#f15C75"}, {"3", "Medium", "#f79232"},
      {"4", "Low", "#707070"},     {"5", "Lowest", "#999999"},
  };
  return kPriorities;
}

const Priority* findPriority(std::string_view idOrName) {
  return findIn(priorities(), [&](const Priority& p) { return p.id == idOrName || p.name == idOrName; });
}

const std::vector<CustomFieldDef>& customFields() {
  static const std::vector<CustomFieldDef> kFields = {
      {"customfield_10100", "Severity", false,
       {{"10200", "Critical"}, {"10201", "Major"}, {"10202", "Minor"}}, {"10004"}},
      {"customfield_10101", "Environments", true,
       {{"10300", "Production"}, {"10301", "Staging"}, {"10302", "Development"}}, {"10004", "10002"}},
  };
  return kFields;
}

const CustomFieldDef* findCustomField(std::string_view fieldId) {
  return findIn(customFields(), [&](const CustomFieldDef& f) { return f.fieldId == fieldId; });
}

const CustomFieldOption* findOption(const CustomFieldDef& field, std::string_view idOrValue) {
  return findIn(field.options,
                [&](const CustomFieldOption& o) { return o.id == idOrValue || o.value == idOrValue; });
}

const StatusCategory& statusCategory(std::string_view key) {
  static const std::vector<StatusCategory> kCategories = {
      {1, "undefined", "No Category", "medium-gray"},
      {2, "new", "To Do", "blue-gray"},
      {4, "indeterminate", "In Progress", "yellow"},
      {3, "done", "Done", "green"},
  };
  const auto* found = findIn(kCategories, [&](const StatusCategory& c) { return c.key == key; });
  return found != nullptr ? *found : kCategories.front();
}

const std::vector<std::string>& systemCreateFields() {
  static const std::vector<std::string> kFields = {
      "summary",   "issuetype", "project",  "description", "priority", "labels",
      "components", "fixVersions", "reporter", "assignee",   "issuelinks"};
  return kFields;
}

bool onCreateScreen(std::string_view issueTypeId, std::string_view fieldId) {
  const auto& system = systemCreateFields();
  if (std::find(system.begin(), system.end(), fieldId) != system.end()) return true;
  const auto* custom = findCustomField(fieldId);
  return custom != nullptr && std::find(custom->issueTypeIds.begin(), custom->issueTypeIds.end(),
                                        issueTypeId) != custom->issueTypeIds.end();
}

}  // namespace ih::mock
