#include "view/field_meta_view.h"

#include "view/project_view.h"
#include "view/status_view.h"

namespace ih::mock {
namespace {

struct SystemField {
  const char* id;
  const char* name;
  const char* type;
  const char* items;  // for arrays, else nullptr
  bool required;
};

const SystemField* systemField(const std::string& id) {
  static const SystemField kFields[] = {
      {"summary", "Summary", "string", nullptr, true},
      {"issuetype", "Issue Type", "issuetype", nullptr, true},
      {"project", "Project", "project", nullptr, true},
      {"description", "Description", "string", nullptr, false},
      {"priority", "Priority", "priority", nullptr, false},
      {"labels", "Labels", "array", "string", false},
      {"components", "Component/s", "array", "component", false},
      {"fixVersions", "Fix Version/s", "array", "version", false},
      {"reporter", "Reporter", "user", nullptr, false},
      {"assignee", "Assignee", "user", nullptr, false},
      {"issuelinks", "Linked Issues", "array", "issuelinks", false},
  };
  for (const auto& f : kFields) {
    if (id == f.id) return &f;
  }
  return nullptr;
}

void writeOperations(json::JsonBuilder& out, bool arrayField) {
  out.key("operations").beginArray();
  if (arrayField) out.value("add").value("remove");
  out.value("set").endArray();
}

void writeAllowedValues(json::JsonBuilder& out, const Project& project, const IssueType& type, const std::string& fieldId,
                        const ViewContext& ctx) {
  if (fieldId == "issuetype") {
    out.key("allowedValues").beginArray();
    writeIssueType(out, type, ctx);
    out.endArray();
  } else if (fieldId == "project") {
    out.key("allowedValues").beginArray();
    writeProjectRef(out, project, ctx);
    out.endArray();
  } else if (fieldId == "priority") {
    out.key("allowedValues").beginArray();
    for (const auto& p : priorities()) writePriority(out, p, ctx);
    out.endArray();
  } else if (fieldId == "components") {
    out.key("allowedValues").beginArray();
    for (const auto& c : project.components) writeComponent(out, c, ctx);
    out.endArray();
  } else if (fieldId == "fixVersions") {
    out.key("allowedValues").beginArray();
    for (const auto& v : project.versions) writeVersion(out, project, v, ctx);
    out.endArray();
  }
}

void writeAutoComplete(json::JsonBuilder& out, const Project& project, const std::string& fieldId, const ViewContext& ctx) {
  if (fieldId == "assignee") {
    out.field("autoCompleteUrl", ctx.baseUrl + "/rest/api/latest/user/assignable/search?project=" + project.key +
                                     "&username=");
  } else if (fieldId == "reporter") {
    out.field("autoCompleteUrl", ctx.baseUrl + "/rest/api/latest/user/search?username=");
  } else if (fieldId == "labels") {
    out.field("autoCompleteUrl", ctx.baseUrl + "/rest/api/1.0/labels/suggest?query=");
  } else if (fieldId == "issuelinks") {
    out.field("autoCompleteUrl", ctx.baseUrl + "/rest/api/2/issue/picker?currentProjectId=" + project.id +
                                     "&showSubTaskParent=true&showSubTasks=true&currentIssueKey=null&query=");
  }
}

void writeSystemFieldMeta(json::JsonBuilder& out, const SystemField& field, const Project& project, const IssueType& type,
                          const ViewContext& ctx) {
  const std::string id = field.id;
  out.beginObject().field("required", field.required).key("schema").beginObject().field("type", field.type);
  if (field.items != nullptr) out.field("items", field.items);
  out.field("system", id).endObject().field("name", field.name).field("fieldId", id);
  writeAutoComplete(out, project, id, ctx);
  const bool hasDefault = id == "priority";
  out.field("hasDefaultValue", hasDefault);
  writeOperations(out, field.items != nullptr);
  writeAllowedValues(out, project, type, id, ctx);
  if (hasDefault) {
    out.key("defaultValue");
    writePriority(out, *findPriority(kDefaultPriorityId), ctx);
  }
  out.endObject();
}

void writeCustomFieldMeta(json::JsonBuilder& out, const CustomFieldDef& field, const ViewContext& ctx) {
  const std::string customId = field.fieldId.substr(field.fieldId.find('_') + 1);
  out.beginObject().field("required", false).key("schema").beginObject();
  if (field.multiSelect) {
    out.field("type", "array").field("items", "option")
        .field("custom", "com.atlassian.jira.plugin.system.customfieldtypes:multiselect");
  } else {
    out.field("type", "option").field("custom", "com.atlassian.jira.plugin.system.customfieldtypes:select");
  }
  out.field("customId", static_cast<std::int64_t>(std::atoll(customId.c_str())))
      .endObject()
      .field("name", field.name)
      .field("fieldId", field.fieldId)
      .field("hasDefaultValue", false);
  writeOperations(out, field.multiSelect);
  out.key("allowedValues").beginArray();
  for (const auto& option : field.options) writeOption(out, option, ctx);
  out.endArray().endObject();
}

}  // namespace

std::vector<std::string> createScreenFields(const std::string& issueTypeId) {
  std::vector<std::string> ids = systemCreateFields();
  for (const auto& field : customFields()) {
    if (onCreateScreen(issueTypeId, field.fieldId)) ids.push_back(field.fieldId);
  }
  return ids;
}

void writeFieldMeta(json::JsonBuilder& out, const Project& project, const IssueType& type, const std::string& fieldId,
                    const ViewContext& ctx) {
  if (const auto* system = systemField(fieldId)) {
    writeSystemFieldMeta(out, *system, project, type, ctx);
  } else if (const auto* custom = findCustomField(fieldId)) {
    writeCustomFieldMeta(out, *custom, ctx);
  }
}

}  // namespace ih::mock
