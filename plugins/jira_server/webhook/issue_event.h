// webhook/issue_event.h - the parts of a jira:issue_* delivery the plugin acts
// on, read once from the raw body: the issue key, the event time (for the
// per-issue watermarks), and what the changelog says changed (assignee, the
// first status item, a move to a new key). Only this parser looks at Jira's
// JSON; the handlers get plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ih::jira {

struct AssigneeChange {
  enum class Kind {
    Unassign,     // fields.assignee null or absent
    Assign,       // fields.assignee.emailAddress present
    HiddenEmail,  // an assignee whose email Jira hides: only a user mapping can match
  };
  Kind kind = Kind::Unassign;
  std::string email;
  std::string name;  // the Jira login name (fields.assignee.name), for user mappings
  std::string key;   // its stable key (fields.assignee.key, e.g. JIRAUSER10100)
};

struct StatusChange {
  std::string from;  // status ids, as strings
  std::string to;
};

struct KeyChange {
  std::string from;  // the key before the move
  std::string to;
};

struct IssueEvent {
  std::string webhookEvent;
  std::string issueKey;
  // issue.fields.updated, else the payload's `timestamp`; 0 = unknown.
  int64_t eventTimeMs = 0;
  std::optional<AssigneeChange> assignee;  // only when a changelog item is "assignee"
  std::optional<StatusChange> status;      // the first "status" item
  std::optional<KeyChange> keyChange;      // a "Key" item (the issue moved)
};

struct ParsedPayload {
  enum class Kind {
    Invalid,      // not JSON, or not an object
    NoChangelog,  // nothing to do (typically jira:issue_created)
    Malformed,    // a changelog we cannot act on safely
    Event,
  };
  Kind kind = Kind::Invalid;
  IssueEvent event;
  std::string problem;  // for the warning log (never contains payload values)
};

ParsedPayload parseIssuePayload(std::string_view body);

}  // namespace ih::jira
