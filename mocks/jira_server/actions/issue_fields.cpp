#include "actions/issue_fields.h"

#include <algorithm>

#include "common/json.h"
#include "state/defaults.h"

namespace ih::mock {
namespace {

using rapidjson::Value;

// Jira accepts {"id": ...}, {"name": ...} (or {"value": ...} for options) and, for some
// fields, the bare string.
struct Reference {
  std::optional<std::string> id;
  std::optional<std::string> name;
};

Reference referenceOf(const Value& value, const char* nameKey = "name") {
  Reference ref;
  if (value.IsString()) {
    ref.name = value.GetString();
  } else if (value.IsObject()) {
    if (const auto* id = json::member(value, "id")) ref.id = json::scalarText(*id);
    ref.name = json::string(value, nameKey);
  }
  return ref;
}

std::string describe(const Reference& ref) { return ref.id ? *ref.id : ref.name.value_or(""); }

template <typename Item>
std::vector<std::string> resolveList(const Value& value, const std::vector<Item>& available, const std::string& fieldId,
                                     const std::string& noun, FieldErrors& errors) {
  std::vector<std::string> ids;
  if (!value.IsArray()) {
    errors.add(fieldId, "data was not an array");
    return ids;
  }
  for (const auto& entry : value.GetArray()) {
    auto ref = referenceOf(entry);
    auto it = std::find_if(available.begin(), available.end(),
                           [&](const Item& a) { return (ref.id && a.id == *ref.id) || (ref.name && a.name == *ref.name); });
    if (it != available.end()) {
      ids.push_back(it->id);
    } else if (ref.id) {
      errors.add(fieldId, noun + " with id '" + *ref.id + "' does not exist.");
    } else {
      errors.add(fieldId, noun + " name '" + describe(ref) + "' is not valid");
    }
  }
  return ids;
}

void applyOptions(const CustomFieldDef& field, Issue& issue, const Value& value, FieldErrors& errors) {
  std::vector<std::string> ids;
  std::vector<const Value*> entries;
  if (value.IsNull()) {
    issue.customOptions.erase(field.fieldId);
    return;
  }
  if (field.multiSelect) {
    if (!value.IsArray()) return errors.add(field.fieldId, "data was not an array");
    for (const auto& entry : value.GetArray()) entries.push_back(&entry);
  } else {
    entries.push_back(&value);
  }
  for (const auto* entry : entries) {
    auto ref = referenceOf(*entry, "value");
    const auto* option = findOption(field, describe(ref));
    if (option == nullptr) {
      errors.add(field.fieldId, ref.id ? "Option id '" + *ref.id + "' is not valid"
                                       : "Option value '" + describe(ref) + "' is not valid");
      return;
    }
    ids.push_back(option->id);
  }
  issue.customOptions[field.fieldId] = ids;
}

void applyLabels(Issue& issue, const Value& value, FieldErrors& errors) {
  if (!value.IsArray()) return errors.add("labels", "data was not an array");
  std::vector<std::string> labels;
  for (const auto& entry : value.GetArray()) {
    if (!entry.IsString()) return errors.add("labels", "data was not an array of strings");
    std::string label = entry.GetString();
    if (label.find(' ') != std::string::npos) {
      return errors.add("labels", "The label '" + label + "' contains spaces which is invalid.");
    }
    labels.push_back(label);
  }
  issue.labels = labels;
}

void applyUser(const JiraModel& model, std::optional<std::string>& slot, const std::string& fieldId, const Value& value,
               FieldErrors& errors) {
  auto ref = referenceOf(value);
  if (value.IsNull() || (ref.name && (ref.name->empty() || *ref.name == "-1"))) {
    slot.reset();
    return;
  }
  const auto name = ref.name.value_or("");
  if (model.findUser(name) == nullptr) {
    errors.add(fieldId, fieldId == "reporter" ? "The reporter specified is not a user." : "User '" + name + "' does not exist.");
  } else if (fieldId == "assignee" && !canBeAssigned(model, name)) {
    errors.add(fieldId, "User '" + name + "' cannot be assigned issues.");
  } else {
    slot = name;
  }
}

void applySummary(Issue& issue, const Value& value, FieldErrors& errors) {
  auto text = value.IsString() ? std::string(value.GetString()) : std::string();
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    errors.add("summary", "You must specify a summary of the issue.");
  } else if (text.size() > 255) {
    errors.add("summary", "Summary must be less than 255 characters.");
  } else {
    issue.summary = text;
  }
}

std::string joined(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

template <typename Item>
std::string namesOf(const std::vector<Item>& available, const std::vector<std::string>& ids) {
  std::vector<std::string> names;
  for (const auto& id : ids) {
    auto it = std::find_if(available.begin(), available.end(), [&](const Item& a) { return a.id == id; });
    if (it != available.end()) names.push_back(it->name);
  }
  return joined(names, ", ");
}

std::optional<std::string> nonEmpty(const std::string& text) {
  return text.empty() ? std::nullopt : std::optional(text);
}

ChangeItem textChange(const std::string& field, const std::optional<std::string>& before,
                      const std::optional<std::string>& after) {
  return ChangeItem{field, "jira", std::nullopt, before, std::nullopt, after};
}

void addListChanges(std::vector<ChangeItem>& items, const Project& project, const Issue& before, const Issue& after) {
  if (before.labels != after.labels) {
    items.push_back(textChange("labels", nonEmpty(joined(before.labels, " ")), nonEmpty(joined(after.labels, " "))));
  }
  if (before.componentIds != after.componentIds) {
    items.push_back(ChangeItem{"Component", "jira", nonEmpty(joined(before.componentIds, ",")),
                               nonEmpty(namesOf(project.components, before.componentIds)),
                               nonEmpty(joined(after.componentIds, ",")),
                               nonEmpty(namesOf(project.components, after.componentIds))});
  }
  if (before.fixVersionIds != after.fixVersionIds) {
    items.push_back(ChangeItem{"Fix Version", "jira", nonEmpty(joined(before.fixVersionIds, ",")),
                               nonEmpty(namesOf(project.versions, before.fixVersionIds)),
                               nonEmpty(joined(after.fixVersionIds, ",")),
                               nonEmpty(namesOf(project.versions, after.fixVersionIds))});
  }
}

void addCustomChanges(std::vector<ChangeItem>& items, const Issue& before, const Issue& after) {
  static const std::vector<std::string> kNone;
  for (const auto& field : customFields()) {
    auto b = before.customOptions.count(field.fieldId) ? before.customOptions.at(field.fieldId) : kNone;
    auto a = after.customOptions.count(field.fieldId) ? after.customOptions.at(field.fieldId) : kNone;
    if (a == b) continue;
    auto values = [&](const std::vector<std::string>& ids) {
      std::vector<std::string> out;
      for (const auto& id : ids) out.push_back(findOption(field, id)->value);
      return out;
    };
    items.push_back(ChangeItem{field.name, "custom", nonEmpty(joined(b, ",")), nonEmpty(joined(values(b), ",")),
                               nonEmpty(joined(a, ",")), nonEmpty(joined(values(a), ","))});
  }
}

}  // namespace

bool canBeAssigned(const JiraModel& model, const std::string& userName) {
  const auto* user = model.findUser(userName);
  return user != nullptr && user->active && user->assignable;
}

bool applyFieldValue(const JiraModel& model, const Project& project, Issue& issue, const std::string& fieldId,
                     const Value& value, FieldErrors& errors) {
  if (fieldId == "summary") {
    applySummary(issue, value, errors);
  } else if (fieldId == "description") {
    issue.description = value.IsString() ? std::optional<std::string>(value.GetString()) : std::nullopt;
  } else if (fieldId == "priority") {
    const auto* priority = findPriority(describe(referenceOf(value)));
    if (priority == nullptr) errors.add("priority", "The priority selected is invalid."); else issue.priorityId = priority->id;
  } else if (fieldId == "labels") {
    applyLabels(issue, value, errors);
  } else if (fieldId == "components") {
    issue.componentIds = resolveList(value, project.components, "components", "Component", errors);
  } else if (fieldId == "fixVersions") {
    issue.fixVersionIds = resolveList(value, project.versions, "fixVersions", "Version", errors);
  } else if (fieldId == "assignee" || fieldId == "reporter") {
    applyUser(model, fieldId == "assignee" ? issue.assignee : issue.reporter, fieldId, value, errors);
  } else if (fieldId == "issuelinks") {
    // Accepted and ignored: the mock does not model links.
  } else if (const auto* custom = findCustomField(fieldId)) {
    applyOptions(*custom, issue, value, errors);
  } else {
    return false;
  }
  return true;
}

ChangeItem userChange(const JiraModel& model, const std::string& field, const std::optional<std::string>& before,
                      const std::optional<std::string>& after) {
  auto keyOf = [&](const std::optional<std::string>& name) -> std::optional<std::string> {
    const auto* user = name ? model.findUser(*name) : nullptr;
    return user != nullptr ? std::optional(user->key) : std::nullopt;
  };
  auto displayOf = [&](const std::optional<std::string>& name) -> std::optional<std::string> {
    const auto* user = name ? model.findUser(*name) : nullptr;
    return user != nullptr ? std::optional(user->displayName) : std::nullopt;
  };
  return ChangeItem{field, "jira", keyOf(before), displayOf(before), keyOf(after), displayOf(after)};
}

std::vector<ChangeItem> changedFields(const JiraModel& model, const Issue& before, const Issue& after) {
  std::vector<ChangeItem> items;
  if (before.summary != after.summary) items.push_back(textChange("summary", before.summary, after.summary));
  if (before.description != after.description) items.push_back(textChange("description", before.description, after.description));
  if (before.priorityId != after.priorityId) {
    items.push_back(ChangeItem{"priority", "jira", before.priorityId, findPriority(before.priorityId)->name,
                               after.priorityId, findPriority(after.priorityId)->name});
  }
  if (before.assignee != after.assignee) items.push_back(userChange(model, "assignee", before.assignee, after.assignee));
  if (before.reporter != after.reporter) items.push_back(userChange(model, "reporter", before.reporter, after.reporter));
  if (const auto* project = model.findProject(after.projectKey)) addListChanges(items, *project, before, after);
  addCustomChanges(items, before, after);
  return items;
}

}  // namespace ih::mock
