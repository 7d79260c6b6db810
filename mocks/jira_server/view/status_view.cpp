#include "view/status_view.h"

#include "common/http_types.h"

namespace ih::mock {

void writeStatus(json::JsonBuilder& out, const Status& status, const ViewContext& ctx) {
  const auto& category = statusCategory(status.category);
  out.beginObject()
      .field("self", ctx.api("status/" + status.id))
      .field("description", status.description)
      .field("iconUrl", ctx.baseUrl + "/images/icons/statuses/generic.png")
      .field("name", status.name)
      .field("id", status.id)
      .key("statusCategory").beginObject()
      .field("self", ctx.api("statuscategory/" + std::to_string(category.id)))
      .field("id", category.id)
      .field("key", category.key)
      .field("colorName", category.colorName)
      .field("name", category.name)
      .endObject()
      .endObject();
}

void writePriority(json::JsonBuilder& out, const Priority& priority, const ViewContext& ctx) {
  out.beginObject()
      .field("self", ctx.api("priority/" + priority.id))
      .field("statusColor", priority.statusColor)
      .field("iconUrl", ctx.baseUrl + "/images/icons/priorities/" + lowercase(priority.name) + ".svg")
      .field("name", priority.name)
      .field("id", priority.id)
      .endObject();
}

void writeIssueType(json::JsonBuilder& out, const IssueType& type, const ViewContext& ctx) {
  out.beginObject()
      .field("self", ctx.api("issuetype/" + type.id))
      .field("id", type.id)
      .field("description", type.description)
      .field("iconUrl", ctx.baseUrl + type.iconPath)
      .field("name", type.name)
      .field("subtask", false)
      .endObject();
}

void writeOption(json::JsonBuilder& out, const CustomFieldOption& option, const ViewContext& ctx) {
  out.beginObject()
      .field("self", ctx.api("customFieldOption/" + option.id))
      .field("value", option.value)
      .field("id", option.id)
      .field("disabled", false)
      .endObject();
}

}  // namespace ih::mock
