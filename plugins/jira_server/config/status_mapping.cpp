#include "config/status_mapping.h"

#include "common/strings.h"
#include "config/config_keys.h"

namespace ih::jira {

namespace json = ihp::sdk::json;

namespace {

// A status id as users send it: a non-empty string (trimmed) or a number.
std::optional<std::string> statusId(const json::Value& targets, std::string_view key) {
  const json::Value* value = json::member(targets, key);
  if (value == nullptr) return std::nullopt;
  if (value->IsInt64()) return std::to_string(value->GetInt64());
  if (!value->IsString()) return std::nullopt;
  std::string id(trimWhitespace(std::string_view(value->GetString(), value->GetStringLength())));
  if (id.empty()) return std::nullopt;
  return id;
}

}  // namespace

Expected<StatusMapping, std::string> parseStatusMapping(const json::Value& submitted) {
  if (!submitted.IsObject()) return fail(std::string("Must be an object of Jira project ids to statuses."));
  StatusMapping mapping;
  for (const auto& member : submitted.GetObject()) {
    std::string projectId(trimWhitespace(std::string_view(member.name.GetString(), member.name.GetStringLength())));
    auto onResolve = statusId(member.value, keys::kOnResolve);
    auto onUnresolve = statusId(member.value, keys::kOnUnresolve);
    if (projectId.empty() || !onResolve || !onUnresolve) return fail(std::string(kStatusesRequired));
    mapping[projectId] = StatusTargets{*onResolve, *onUnresolve};
  }
  return mapping;
}

void writeStatusMapping(json::JsonBuilder& out, const StatusMapping& mapping) {
  out.beginObject();
  for (const auto& [projectId, targets] : mapping) {
    out.key(projectId)
        .beginObject()
        .field(keys::kOnResolve, targets.onResolve)
        .field(keys::kOnUnresolve, targets.onUnresolve)
        .endObject();
  }
  out.endObject();
}

std::optional<StatusTargets> statusTargetsFor(const json::Value& config, std::string_view projectId) {
  const json::Value* mapping = json::member(config, keys::kSyncStatusForward);
  if (mapping == nullptr || !mapping->IsObject()) return std::nullopt;
  const json::Value* targets = json::member(*mapping, projectId);
  if (targets == nullptr) return std::nullopt;
  auto onResolve = statusId(*targets, keys::kOnResolve);
  auto onUnresolve = statusId(*targets, keys::kOnUnresolve);
  if (!onResolve || !onUnresolve) return std::nullopt;
  return StatusTargets{*onResolve, *onUnresolve};
}

}  // namespace ih::jira
