// host/common/json_merge.cpp - see json_merge.h.
#include "common/json_merge.h"

#include "common/errors.h"
#include "ihp/sdk/json.hpp"

namespace ih::host {

namespace json = ihp::sdk::json;

bool isJsonObject(std::string_view text) {
  json::Document document;
  return json::parseObject(text, document);
}

std::string shallowMergeJson(std::string_view stored, std::string_view patch) {
  json::Document patchDoc;
  if (!json::parseObject(patch, patchDoc)) throw BadRequestError("Expected a JSON object");
  json::Document merged;
  if (!json::parseObject(stored, merged)) merged.SetObject();
  auto& allocator = merged.GetAllocator();
  for (auto& entry : patchDoc.GetObject()) {
    auto existing = merged.FindMember(entry.name);
    if (existing != merged.MemberEnd()) {
      existing->value.CopyFrom(entry.value, allocator);
    } else {
      json::Value name(entry.name, allocator);
      json::Value value(entry.value, allocator);
      merged.AddMember(name, value, allocator);
    }
  }
  return json::stringify(merged);
}

}  // namespace ih::host
