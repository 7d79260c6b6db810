#include "tickets/form_field.h"

#include "ihp/sdk/json.hpp"

namespace ih::jira {

namespace json = ihp::sdk::json;

namespace {

void writeField(json::JsonBuilder& out, const FormField& field) {
  out.beginObject()
      .field("name", field.name)
      .field("label", field.label)
      .field("type", field.type)
      .field("required", field.required)
      .field("default", field.defaultValue);
  if (field.type == "select") {
    out.key("choices").beginArray();
    for (const auto& choice : field.choices) out.beginArray().value(choice.value).value(choice.label).endArray();
    out.endArray();
  }
  if (!field.url.empty()) out.field("url", field.url);
  if (field.updatesForm) out.field("updatesForm", true);
  if (field.multiple) out.field("multiple", true);
  if (!field.help.empty()) out.field("help", field.help);
  out.endObject();
}

}  // namespace

std::string formJson(const std::vector<FormField>& fields) {
  json::JsonBuilder out;
  out.beginObject().key("fields").beginArray();
  for (const auto& field : fields) writeField(out, field);
  out.endArray().endObject();
  return out.str();
}

}  // namespace ih::jira
