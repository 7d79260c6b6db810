#include "webhook/issue_event.h"

#include <algorithm>

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

// The payload's `timestamp` (epoch ms), when it is a positive integer.
int64_t deliveryTime(const json::Value& payload) {
  const json::Value* timestamp = json::member(payload, "timestamp");
  if (timestamp != nullptr && timestamp->IsInt64() && timestamp->GetInt64() > 0) return timestamp->GetInt64();
  return 0;
}

// issue.fields.updated in epoch ms: 0 when absent or null; nullopt when it is
// there but not a time Jira writes (never guessed: it orders the ticket's changes).
std::optional<int64_t> updatedTime(const json::Value* fields) {
  const json::Value* updated = fields != nullptr ? json::member(*fields, "updated") : nullptr;
  if (updated == nullptr || updated->IsNull()) return 0;
  if (!updated->IsString()) return std::nullopt;
  return ihp::sdk::timestamp::parseMs(std::string_view(updated->GetString(), updated->GetStringLength()));
}

// The current assignee decides, never the changelog's from/to (user keys such
// as JIRAUSER10000, not emails).
std::optional<AssigneeAtEvent> assigneeOf(const json::Value* fields) {
  const json::Value* assignee = fields != nullptr ? json::member(*fields, "assignee") : nullptr;
  if (assignee == nullptr || assignee->IsNull()) return AssigneeAtEvent{AssigneeAtEvent::Kind::Unassign, {}, {}, {}};
  if (!assignee->IsObject()) return std::nullopt;
  std::string email = json::stringOr(*assignee, "emailAddress");
  const auto kind = email.empty() ? AssigneeAtEvent::Kind::HiddenEmail : AssigneeAtEvent::Kind::Assign;
  return AssigneeAtEvent{kind, std::move(email), json::stringOr(*assignee, "name"), json::stringOr(*assignee, "key")};
}

// issue.fields.status when it names a status id, with its category key when
// the payload carries one.
std::optional<StatusAtEvent> statusOf(const json::Value* fields) {
  const json::Value* status = fields != nullptr ? json::member(*fields, "status") : nullptr;
  if (status == nullptr || !status->IsObject()) return std::nullopt;
  std::string id = textOf(*status, "id");
  if (id.empty()) return std::nullopt;
  const json::Value* category = json::member(*status, "statusCategory");
  std::string categoryKey = category != nullptr && category->IsObject() ? textOf(*category, "key") : std::string();
  return StatusAtEvent{std::move(id), std::move(categoryKey)};
}

}  // namespace

std::optional<IssueEvent> issueSnapshot(const json::Value& issue) {
  if (!issue.IsObject()) return std::nullopt;
  auto key = json::string(issue, "key");
  if (!key || key->empty()) return std::nullopt;
  const json::Value* fields = json::member(issue, "fields");
  if (fields != nullptr && !fields->IsObject()) return std::nullopt;
  IssueEvent event;
  event.issueKey = std::move(*key);
  if (fields != nullptr) {
    if (auto updated = json::string(*fields, "updated")) event.eventTimeMs = ihp::sdk::timestamp::parseMs(*updated).value_or(0);
    if (json::member(*fields, "assignee") != nullptr) event.assignee = assigneeOf(fields);
  }
  event.status = statusOf(fields);
  return event;
}

ParsedPayload parseIssuePayload(std::string_view body) {
  json::Document doc;
  if (const json::ReadResult read = json::readInPlace(body, doc); !read) {
    ParsedPayload parsed;
    parsed.problem = "the body is not JSON: " + read.reason();
    return parsed;
  }
  if (!doc.IsObject()) {
    ParsedPayload parsed;
    parsed.problem = "the body is not a JSON object";
    return parsed;
  }

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
  const auto updated = updatedTime(fields);
  if (!updated) return malformed("issue.fields.updated is not a time");
  const int64_t stated = deliveryTime(doc);
  event.eventTimeMs = *updated != 0 ? *updated : stated;
  event.latestStatedTimeMs = std::max(*updated, stated);

  bool assigneeItem = false;
  std::optional<std::string> statusItemTo;  // the first "status" item's target
  for (const auto& item : items->GetArray()) {
    if (!item.IsObject()) return malformed("changelog item is not an object");
    const std::string field = json::stringOr(item, "field");
    if (field == "assignee") {
      assigneeItem = true;
    } else if (field == "status" && !statusItemTo) {
      statusItemTo = textOf(item, "to");
    } else if (field == "Key" && !event.keyChange) {
      // A move: fromString/toString carry the keys (from/to are null there).
      std::string from = textOf(item, "fromString");
      std::string to = textOf(item, "toString");
      if (from.empty()) from = textOf(item, "from");
      if (to.empty()) to = textOf(item, "to");
      if (!from.empty() && !to.empty() && from != to) event.keyChange = KeyChange{from, to};
    }
  }

  // Every event is a snapshot of the ticket at its time, whatever its
  // changelog names: a newer snapshot must win even when its own change was
  // elsewhere (a not-done -> not-done move, a summary edit).
  if (assigneeItem) {
    if (fields == nullptr) return malformed("assignee changed but issue.fields is missing");
    event.assignee = assigneeOf(fields);
    if (!event.assignee) return malformed("issue.fields.assignee is not an object");
  } else if (fields != nullptr && json::member(*fields, "assignee") != nullptr) {
    event.assignee = assigneeOf(fields);  // an assignee we cannot read tells nothing
  }
  event.status = statusOf(fields);
  if (!event.status && statusItemTo && !statusItemTo->empty()) event.status = StatusAtEvent{*statusItemTo, {}};
  return parsed;
}

}  // namespace ih::jira
