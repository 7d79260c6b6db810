#include "sync/outbound_event.h"

#include "config/config_keys.h"
#include "config/config_snapshot.h"
#include "ihp/plugin_abi.h"

namespace ih::jira {

namespace json = ihp::sdk::json;

namespace {

std::optional<OutboundAssignee> assigneeOf(const json::Value& event) {
  const json::Value* user = json::member(event, "assignee");
  if (user == nullptr || !user->IsObject()) return std::nullopt;
  OutboundAssignee assignee;
  assignee.id = json::int64(*user, "id").value_or(0);
  assignee.name = json::stringOr(*user, "name");
  if (auto remote = json::string(*user, "remoteUser"); remote && !remote->empty()) assignee.remoteUser = remote;
  if (const json::Value* emails = json::member(*user, "verifiedEmails"); emails != nullptr && emails->IsArray()) {
    for (const auto& email : emails->GetArray()) {
      if (email.IsString() && email.GetStringLength() > 0) assignee.verifiedEmails.emplace_back(email.GetString());
    }
  }
  return assignee;
}

OutboundComment commentOf(const json::Value& event) {
  OutboundComment comment;
  const json::Value* object = json::member(event, "comment");
  if (object == nullptr) return comment;
  comment.id = json::int64(*object, "id").value_or(0);
  comment.text = json::stringOr(*object, "text");
  if (const json::Value* author = json::member(*object, "author")) comment.authorName = json::stringOr(*author, "name");
  comment.externalCommentId = json::string(*object, "externalCommentId");
  if (comment.externalCommentId && comment.externalCommentId->empty()) comment.externalCommentId.reset();
  return comment;
}

}  // namespace

bool OutboundEvent::enabledByConfig() const {
  switch (type) {
    case IHP_EVENT_ISSUE_ASSIGNED: return json::truthy(config, keys::kSyncForwardAssignment);
    case IHP_EVENT_ISSUE_STATUS_CHANGED: {
      const json::Value* mapping = json::member(config, keys::kSyncStatusForward);
      return mapping != nullptr && mapping->IsObject() && mapping->MemberCount() > 0;
    }
    case IHP_EVENT_COMMENT_CREATED:
    case IHP_EVENT_COMMENT_UPDATED: return json::truthy(config, keys::kSyncComments);
    default: return true;
  }
}

bool parseOutboundEvent(int32_t type, std::string_view text, OutboundEvent& out) {
  json::Document doc;
  if (!json::parseObject(text, doc)) return false;
  out.type = type;
  out.organizationId = json::int64(doc, "organizationId").value_or(0);
  out.integrationId = json::int64(doc, "integrationId").value_or(0);
  copyConfigSnapshot(doc, out.config);
  if (const json::Value* issue = json::member(doc, "issue")) {
    out.issueId = json::int64(*issue, "id").value_or(0);
    out.shortId = json::stringOr(*issue, "shortId");
  }
  if (const json::Value* external = json::member(doc, "externalIssue")) {
    out.externalIssueId = json::int64(*external, "id").value_or(0);
    out.issueKey = json::stringOr(*external, "key");
  }
  out.assignee = assigneeOf(doc);
  out.resolved = json::boolean(doc, "resolved").value_or(false);
  out.comment = commentOf(doc);
  return out.organizationId != 0 && out.integrationId != 0 && !out.issueKey.empty();
}

}  // namespace ih::jira
