// The parts of a Jira instance the seed does not describe: issue types, priorities, the two
// custom fields, status categories, and which fields each create screen offers. Fixed data,
// chosen to look like a fresh Jira Software 9 install.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ih::mock {

struct IssueType {
  std::string id;
  std::string name;
  std::string description;
  std::string iconPath;  // relative to the base URL
};

struct Priority {
  std::string id;
  std::string name;
  std::string statusColor;
};

struct CustomFieldOption {
  std::string id;
  std::string value;
};

struct CustomFieldDef {
  std::string fieldId;  // customfield_10100
  std::string name;
  bool multiSelect = false;
  std::vector<CustomFieldOption> options;
  std::vector<std::string> issueTypeIds;  // types whose create screen shows it
};

struct StatusCategory {
  int id;
  std::string key;
  std::string name;
  std::string colorName;
};

const std::vector<IssueType>& issueTypes();
const IssueType* findIssueType(std::string_view idOrName);
const std::vector<Priority>& priorities();
const Priority* findPriority(std::string_view idOrName);
inline constexpr const char* kDefaultPriorityId = "3";
const std::vector<CustomFieldDef>& customFields();
const CustomFieldDef* findCustomField(std::string_view fieldId);
const CustomFieldOption* findOption(const CustomFieldDef& field, std::string_view idOrValue);
const StatusCategory& statusCategory(std::string_view key);

// System fields every create screen offers, in screen order.
const std::vector<std::string>& systemCreateFields();
bool onCreateScreen(std::string_view issueTypeId, std::string_view fieldId);

}  // namespace ih::mock
