#include "tickets/meta_form_fields.h"

#include <algorithm>
#include <array>
#include <optional>

namespace ih::jira {

namespace {

// Fields the form has anyway (project, issuetype, title, description) or never shows.
bool isSkipped(const FieldMeta& field, const std::set<std::string>& hidden) {
  static const std::set<std::string> kAlways = {"summary",    "description", "project",     "issuetype",
                                                "issuelinks", "attachment",  "timetracking"};
  return kAlways.count(field.fieldId) > 0 || hidden.count(field.fieldId) > 0;
}

// priority, fixVersions, components, security first (Sentry's ordering hint).
int rank(const std::string& fieldId) {
  static const std::array<std::string, 4> kFirst = {"priority", "fixVersions", "components", "security"};
  auto it = std::find(kFirst.begin(), kFirst.end(), fieldId);
  return it == kFirst.end() ? static_cast<int>(kFirst.size()) : static_cast<int>(it - kFirst.begin());
}

bool isArrayOf(const FieldMeta& field, std::string_view items) {
  return field.schema.type == "array" && field.schema.items == items;
}

FormField base(const FieldMeta& field, const std::string& type) {
  FormField out;
  out.name = field.fieldId;
  out.label = field.name;
  out.type = type;
  out.required = field.required;
  return out;
}

// A select of the allowed values; options are submitted by value, the rest by id.
FormField allowedValuesSelect(const FieldMeta& field, bool byValue) {
  FormField out = base(field, "select");
  for (const auto& allowed : field.allowedValues) {
    out.choices.push_back({byValue ? allowed.value : allowed.id, allowed.label()});
  }
  out.multiple = field.schema.type == "array";
  return out;
}

std::optional<FormField> formFieldFor(const FieldMeta& field, const MetaFormOptions& options) {
  const FieldSchema& schema = field.schema;
  if (field.fieldId == "priority" || schema.type == "priority") {
    FormField out = allowedValuesSelect(field, false);
    if (!options.defaults.priority.empty()) {
      out.defaultValue = options.defaults.priority;
    } else if (field.defaultValueId) {
      out.defaultValue = field.defaultValueId;
    }
    return out;
  }
  if (schema.type == "user" || isArrayOf(field, "user")) {
    FormField out = base(field, "select");
    out.url = options.searchUrl + "?field=" + field.fieldId + "&project=" + options.projectId;
    out.multiple = schema.type == "array";
    return out;
  }
  if (schema.type == "option" || isArrayOf(field, "option")) return allowedValuesSelect(field, true);
  if (isArrayOf(field, "string")) {
    FormField out = base(field, "text");
    if (field.fieldId == "labels" && !options.defaults.labels.empty()) out.defaultValue = options.defaults.labels;
    if (field.fieldId == "labels") out.help = "Separate labels with commas.";
    return out;
  }
  if (!field.allowedValues.empty()) return allowedValuesSelect(field, false);  // components, versions, security, ...
  if (field.required && (schema.type == "string" || schema.type == "number")) return base(field, "text");
  return std::nullopt;
}

}  // namespace

std::vector<FormField> metaFormFields(std::vector<FieldMeta> meta, const MetaFormOptions& options) {
  std::stable_sort(meta.begin(), meta.end(), [](const FieldMeta& a, const FieldMeta& b) {
    const int ra = rank(a.fieldId), rb = rank(b.fieldId);
    return ra != rb ? ra < rb : a.fieldId < b.fieldId;
  });
  std::vector<FormField> fields;
  for (const auto& field : meta) {
    if (isSkipped(field, options.hidden)) continue;
    if (auto formField = formFieldFor(field, options)) fields.push_back(std::move(*formField));
  }
  return fields;
}

}  // namespace ih::jira
