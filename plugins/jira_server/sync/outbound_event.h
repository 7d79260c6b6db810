// sync/outbound_event.h - the event the host delivers to handle_event for one
// linked Jira ticket (shapes in plugin_abi.h, ihp_event), read into a struct.
// `config` is the org link's config AS IT WAS when the change happened: the
// toggles and the status mapping are taken from it, never re-read.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ihp/sdk/json.hpp"

namespace ih::jira {

struct OutboundAssignee {
  int64_t id = 0;
  std::string name;
  std::vector<std::string> verifiedEmails;
  // The Jira user the organization maps this member to (ABI 1.3): assigned
  // by that name, with no email search.
  std::optional<std::string> remoteUser;
};

struct OutboundComment {
  int64_t id = 0;
  std::string text;
  std::string authorName;                        // "" when the author is unknown
  std::optional<std::string> externalCommentId;  // the Jira comment posted for it earlier
};

struct OutboundEvent {
  int32_t type = 0;  // IHP_EVENT_*
  int64_t organizationId = 0;
  int64_t integrationId = 0;
  ihp::sdk::json::Document config;
  int64_t issueId = 0;
  std::string shortId;
  int64_t externalIssueId = 0;
  std::string issueKey;
  std::optional<OutboundAssignee> assignee;  // ISSUE_ASSIGNED: nullopt = unassigned
  bool resolved = false;                     // ISSUE_STATUS_CHANGED
  OutboundComment comment;                   // COMMENT_*

  // The config toggle this event type needs (sync_forward_assignment, a
  // non-empty sync_status_forward, sync_comments); unknown types need none.
  bool enabledByConfig() const;
};

// False when the JSON lacks what every event needs (ids, the ticket key).
bool parseOutboundEvent(int32_t type, std::string_view json, OutboundEvent& out);

}  // namespace ih::jira
