#include "config/config_hooks.h"

#include <algorithm>

#include "common/replies.h"
#include "config/config_keys.h"
#include "config/ignored_fields.h"
#include "config/settings_patch.h"

namespace ih::jira {

namespace json = ihp::sdk::json;

namespace {

std::string_view nameOf(const json::Value::ConstMemberIterator& member) {
  return {member->name.GetString(), member->name.GetStringLength()};
}

// The stored config as an object; anything else (absent, corrupt) counts as {}.
json::Document storedConfig(const ihp_config_call& call) {
  json::Document stored;
  if (!json::parseObject(ihp::sdk::view(call.stored_json), stored)) stored.SetObject();
  return stored;
}

// `base` with every member of `patch` set on top (top level: a patched key is replaced whole).
std::string mergeObjects(const json::Value& base, const json::Value& patch) {
  json::JsonBuilder out;
  out.beginObject();
  for (auto it = base.MemberBegin(); it != base.MemberEnd(); ++it) {
    if (json::member(patch, nameOf(it)) == nullptr) out.key(nameOf(it)).value(it->value);
  }
  for (auto it = patch.MemberBegin(); it != patch.MemberEnd(); ++it) out.key(nameOf(it)).value(it->value);
  out.endObject();
  return out.str();
}

bool isInternalKey(std::string_view key) {
  return std::find(keys::kInternalConfigKeys.begin(), keys::kInternalConfigKeys.end(), key) !=
         keys::kInternalConfigKeys.end();
}

}  // namespace

ihp_status runConfigUpdate(const ihp::sdk::Host& host, const ihp_config_call& call, ihp::sdk::Reply& reply) {
  json::Document patch;
  if (!json::parseObject(ihp::sdk::view(call.patch_json), patch)) {
    replyDetail(reply, 400, "Expected a JSON object.");
    return IHP_OK;
  }
  auto normalised = normaliseSettingsPatch(patch);
  if (!normalised) {
    reply.json(400, fieldErrorsJson(normalised.error()));
    return IHP_OK;
  }
  json::Document clean;
  json::parse(normalised.value(), clean);
  std::string keysChanged;
  for (auto it = clean.MemberBegin(); it != clean.MemberEnd(); ++it) keysChanged += " " + std::string(nameOf(it));
  host.info("config-updated: org=" + std::to_string(call.organization_id) + " keys:" + keysChanged);
  reply.json(200, mergeObjects(storedConfig(call), clean));
  return IHP_OK;
}

ihp_status runConfigView(const ihp::sdk::Host&, const ihp_config_call& call, ihp::sdk::Reply& reply) {
  json::Document stored = storedConfig(call);
  json::JsonBuilder out;
  out.beginObject();
  for (auto it = stored.MemberBegin(); it != stored.MemberEnd(); ++it) {
    const std::string_view key = nameOf(it);
    if (isInternalKey(key)) continue;
    if (key == keys::kIssuesIgnoredFields) {
      out.field(key, ignoredFieldsText(ignoredFieldsOf(stored)));
    } else {
      out.key(key).value(it->value);
    }
  }
  out.endObject();
  reply.json(200, out.str());
  return IHP_OK;
}

}  // namespace ih::jira
