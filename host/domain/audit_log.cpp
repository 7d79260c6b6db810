// host/domain/audit_log.cpp - see audit_log.h.
#include "domain/audit_log.h"

#include <algorithm>
#include <cctype>

#include "ihp/sdk/json.hpp"

namespace ih::host::domain {

namespace json = ihp::sdk::json;

namespace {

// Config documents hold settings, but a plugin may one day keep something
// sensitive there; a name that says so is never copied into the log.
bool looksSecret(std::string_view key) {
  std::string lower(key);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  for (const char* word : {"secret", "token", "password", "private", "credential"}) {
    if (lower.find(word) != std::string::npos) return true;
  }
  return false;
}

void writeValue(json::JsonBuilder& out, std::string_view key, const json::Value* value) {
  out.key(key);
  if (value == nullptr) {
    out.null();
  } else if (looksSecret(key)) {
    out.value("[redacted]");
  } else {
    out.raw(json::stringify(*value));
  }
}

}  // namespace

std::string configChangeData(const std::string& beforeJson, const std::string& afterJson) {
  json::Document before, after;
  if (!json::parseObject(beforeJson, before)) before.SetObject();
  if (!json::parseObject(afterJson, after)) after.SetObject();
  std::vector<std::string> keys;
  auto consider = [&](const json::Value& object) {
    for (const auto& member : object.GetObject()) {
      std::string key(member.name.GetString(), member.name.GetStringLength());
      if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
      const json::Value* a = json::member(before, key.c_str());
      const json::Value* b = json::member(after, key.c_str());
      if (a == nullptr || b == nullptr || *a != *b) keys.push_back(std::move(key));
    }
  };
  consider(before);
  consider(after);
  std::sort(keys.begin(), keys.end());

  json::JsonBuilder out;
  out.beginObject().key("changed").beginArray();
  for (const auto& key : keys) out.value(key);
  out.endArray().key("before").beginObject();
  for (const auto& key : keys) writeValue(out, key, json::member(before, key.c_str()));
  out.endObject().key("after").beginObject();
  for (const auto& key : keys) writeValue(out, key, json::member(after, key.c_str()));
  out.endObject().endObject();
  return out.str();
}

void AuditLog::record(storage::UnitOfWork& uow, int64_t organizationId, const AuditActor& actor,
                      const AuditEvent& event) {
  storage::AuditRow row;
  row.organizationId = organizationId;
  row.actorType = actor.superuser || !actor.userId ? "superuser" : "user";
  if (!actor.superuser && actor.userId) {
    row.actorUserId = actor.userId;
    if (auto user = directory_.findUser(uow, *actor.userId)) row.actorEmail = user->email;
  }
  row.event = event.event;
  row.targetType = event.targetType;
  if (!event.targetId.empty()) row.targetId = event.targetId;
  row.dataJson = event.dataJson.empty() ? "{}" : event.dataJson;
  row.createdAt = directory_.clock().nowMs();
  storage::AuditLogRepository(uow).insert(row);
}

std::vector<storage::AuditRow> AuditLog::list(storage::UnitOfWork& uow, int64_t organizationId, size_t limit,
                                              int64_t beforeId) {
  return storage::AuditLogRepository(uow).list(organizationId, limit, beforeId);
}

}  // namespace ih::host::domain
