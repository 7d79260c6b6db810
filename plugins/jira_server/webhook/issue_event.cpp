#include "webhook/issue_event.h"

#include "ihp/sdk/timestamp.hpp"
#include "ihp/sdk/json.hpp"

namespace ih::jira {

namespace json = ihp::sdk::json;

namespace {

ParsedPayload malformed(std::string problem) {
  ParsedPayload parsed;
  parsed.kind = ParsedPayload::Kind::Malformed;
  parsed.problem = std::move(problem);
  return parsed;
}

// A changelog value: string ids/keys as Jira sends them, null as empty.
std::string textOf(const json::Value& item, const char* key) {
  const json::Value* value = json::member(item, key);
  if (value == nullptr || !value->IsString()) return {};
  return std::string(value->GetString(), value->GetStringLength());
}

int64_t eventTime(const json::Value& payload, const json::Value* fields) {
  if (fields != nullptr) {
    if (auto updated = json::string(*fields, "updated")) {
      if (auto ms = ihp::sdk::timestamp::parseMs(*updated)) return *ms;
    }
  }
  const json::Value* timestamp = json::member(payload, "timestamp");
  if (timestamp != nullptr && timestamp->IsInt64() && timestamp->GetInt64() > 0) return timestamp->GetInt64();
  return 0;
}

// The current assignee decides, never the changelog's from/to (user keys such
// as JIRAUSER10000, not emails).
std::optional<AssigneeChange> assigneeOf(const json::Value* fields) {
  const json::Value* assignee = fields != nullptr ? json::member(*fields, "assignee") : nullptr;
  if (assignee == nullptr || assignee->IsNull()) return AssigneeChange{AssigneeChange::Kind::Unassign, {}};
  if (!assignee->IsObject()) return std::nullopt;
  std::string email = json::stringOr(*assignee, "emailAddress");
  const auto kind = email.empty() ? AssigneeChange::Kind::HiddenEmail : AssigneeChange::Kind::Assign;
  return AssigneeChange{kind, std::move(email), json::stringOr(*assignee, "name"), json::stringOr(*assignee, "key")};
}

}  // namespace

ParsedPayload parseIssuePayload(std::string_view body) {
  json::Document doc;
  if (!json::parseObject(body, doc)) return ParsedPayload{};

  if (!json::truthy(doc, "changelog")) {
    ParsedPayload parsed;
    parsed.kind = ParsedPayload::Kind::NoChangelog;
    return parsed;
  }
  const json::Value* items = json::member(*json::member(doc, "changelog"), "items");
  if (items == nullptr || !items->IsArray()) return malformed("changelog.items is not an array");
  const json::Value* issue = json::member(doc, "issue");
  if (issue == nullptr || !issue->IsObject()) return malformed("issue is missing");
  auto key = json::string(*issue, "key");
  if (!key || key->empty()) return malformed("issue.key is missing");
  const json::Value* fields = json::member(*issue, "fields");
  if (fields != nullptr && !fields->IsObject()) return malformed("issue.fields is not an object");

  ParsedPayload parsed;
  parsed.kind = ParsedPayload::Kind::Event;
  IssueEvent& event = parsed.event;
  event.webhookEvent = json::stringOr(doc, "webhookEvent");
  event.issueKey = std::move(*key);
  event.eventTimeMs = eventTime(doc, fields);

  for (const auto& item : items->GetArray()) {
    if (!item.IsObject()) return malformed("changelog item is not an object");
    const std::string field = json::stringOr(item, "field");
    if (field == "assignee" && !event.assignee) {
      if (fields == nullptr) return malformed("assignee changed but issue.fields is missing");
      event.assignee = assigneeOf(fields);
      if (!event.assignee) return malformed("issue.fields.assignee is not an object");
    } else if (field == "status" && !event.status) {
      event.status = StatusChange{textOf(item, "from"), textOf(item, "to")};
    } else if (field == "Key" && !event.keyChange) {
      // A move: fromString/toString carry the keys (from/to are null there).
      std::string from = textOf(item, "fromString");
      std::string to = textOf(item, "toString");
      if (from.empty()) from = textOf(item, "from");
      if (to.empty()) to = textOf(item, "to");
      if (!from.empty() && !to.empty() && from != to) event.keyChange = KeyChange{from, to};
    }
  }
  return parsed;
}

}  // namespace ih::jira
