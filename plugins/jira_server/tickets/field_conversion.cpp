#include "tickets/field_conversion.h"

#include <charconv>
#include <cmath>
#include <set>

#include "common/strings.h"
#include "common/text_list.h"
#include "ihp/sdk/utf8.hpp"

namespace ih::jira {

namespace json = ihp::sdk::json;

namespace {

constexpr size_t kMaxSummaryLength = 255;

std::string scalarText(const json::Value& value) {
  if (value.IsString())
    return std::string(trimWhitespace(std::string_view(value.GetString(), value.GetStringLength())));
  if (value.IsInt64()) return std::to_string(value.GetInt64());
  if (value.IsNumber()) return json::stringify(value);
  if (value.IsBool()) return value.GetBool() ? "true" : "false";
  return {};
}

// Labels and other string lists: "a, b" (or a list of such) split on commas.
std::vector<std::string> stringArrayItems(const json::Value& value) {
  std::vector<std::string> split;
  for (const auto& item : submittedList(value)) {
    for (auto& part : splitTrimmed(item, ",")) split.push_back(std::move(part));
  }
  return split;
}

bool isEmpty(const FieldMeta& field, const json::Value& value) {
  if (value.IsNull()) return true;
  if (field.schema.type == "array" && field.schema.items == "string") return stringArrayItems(value).empty();
  if (value.IsArray()) return submittedList(value).empty();
  return !value.IsNumber() && scalarText(value).empty();
}

void writeObjects(json::JsonBuilder& out, const char* key, const std::vector<std::string>& items) {
  out.beginArray();
  for (const auto& item : items) out.beginObject().field(key, item).endObject();
  out.endArray();
}

// A number as Jira wants it: integral values as integers.
bool writeNumber(json::JsonBuilder& out, const json::Value& value, const std::string& text) {
  if (value.IsNumber()) {
    out.value(value);
    return true;
  }
  double number = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(number)) return false;
  if (number == std::floor(number) && std::fabs(number) < 9e15) {
    out.value(static_cast<int64_t>(number));
  } else {
    out.value(number);
  }
  return true;
}

// Writes `fieldId`'s converted value; false when it cannot be converted.
bool writeConverted(json::JsonBuilder& out, const FieldMeta& field, const json::Value& value) {
  const FieldSchema& schema = field.schema;
  const std::vector<std::string> items = submittedList(value);
  const std::string scalar = items.empty() ? std::string() : items.front();  // a list for a scalar: its first item
  if (schema.type == "array") {
    if (schema.items == "string") {
      out.beginArray();
      for (const auto& item : stringArrayItems(value)) out.value(item);
      out.endArray();
    } else if (schema.items == "option") {
      writeObjects(out, "value", items);
    } else if (schema.items == "user") {
      writeObjects(out, "name", items);
    } else {
      writeObjects(out, "id", items);  // component, version, ...
    }
  } else if (schema.type == "option") {
    out.beginObject().field("value", scalar).endObject();
  } else if (schema.type == "user") {
    out.beginObject().field("name", scalar).endObject();
  } else if (schema.type == "number") {
    return writeNumber(out, value, scalar);
  } else if (field.fieldId == "parent" || schema.type == "issuelink") {
    out.beginObject().field("key", scalar).endObject();
  } else if (schema.type == "string" || schema.type == "date" || schema.type == "datetime" || schema.type == "any" ||
             schema.type.empty()) {
    out.value(scalar);
  } else {
    out.beginObject().field("id", scalar).endObject();  // priority, securitylevel, resolution, ...
  }
  return true;
}

}  // namespace

std::vector<std::string> submittedList(const json::Value& value) {
  std::vector<std::string> items;
  if (value.IsArray()) {
    for (const auto& item : value.GetArray()) {
      std::string text = scalarText(item);
      if (!text.empty()) items.push_back(std::move(text));
    }
  } else if (std::string text = scalarText(value); !text.empty()) {
    items.push_back(std::move(text));
  }
  return items;
}

Expected<std::string, FieldErrors> convertCreateFields(const json::Value& input, const std::vector<FieldMeta>& meta,
                                                       const CreateRequest& request) {
  FieldErrors errors;
  json::JsonBuilder out;
  out.beginObject()
      .key("project")
      .beginObject()
      .field("id", request.projectId)
      .endObject()
      .key("issuetype")
      .beginObject()
      .field("id", request.issueTypeId)
      .endObject()
      .field("summary", ihp::sdk::utf8::prefix(trimWhitespace(json::stringOr(input, "title")), kMaxSummaryLength));
  if (auto description = json::string(input, "description"); description && !description->empty()) {
    out.field("description", *description);
  }
  for (const auto& field : meta) {
    static const std::set<std::string> kSetAbove = {"project", "issuetype", "summary", "description"};
    if (kSetAbove.count(field.fieldId) > 0) continue;
    const json::Value* value = json::member(input, field.fieldId);
    if (value == nullptr || isEmpty(field, *value)) continue;
    out.key(field.fieldId);
    if (!writeConverted(out, field, *value)) {
      out.null();
      errors.push_back({field.fieldId, "Enter a number."});
    }
  }
  out.endObject();
  if (!errors.empty()) return fail(std::move(errors));
  return out.str();
}

}  // namespace ih::jira
