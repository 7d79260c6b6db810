// webhook/issue_event.h - the parts of a jira:issue_* delivery the plugin acts
// on, read once from the raw body: the issue key, the event time (for the
// per-issue watermarks), the ticket's assignee and status AT that time, and a
// move to a new key. The state at the event time decides, never the
// changelog's from -> to: Jira delivers out of order, and only a snapshot can
// be compared by time (an older transition applied after a newer one would
// undo it). Only this parser looks at Jira's JSON; the handlers get plain
// values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ihp/sdk/json.hpp"

namespace ih::jira {

// The assignee at the event time.
struct AssigneeAtEvent {
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

// The status at the event time: issue.fields.status, else the changelog's
// "to" (a payload without fields). The category is empty when the payload
// does not carry it; the status list then tells.
struct StatusAtEvent {
  std::string id;
  std::string categoryKey;  // statusCategory.key: "new", "indeterminate", "done"
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
  // The later of the two times the delivery states (0 = none): a sender's
  // clock far ahead would freeze the ticket's watermark, so the handler
  // refuses deliveries dated beyond its own clock's tolerance.
  int64_t latestStatedTimeMs = 0;
  // Present whenever the payload tells (fields.assignee, or a changelog
  // "assignee" item without fields.assignee: unassigned).
  std::optional<AssigneeAtEvent> assignee;
  std::optional<StatusAtEvent> status;
  std::optional<KeyChange> keyChange;      // a "Key" item (the issue moved)
};

struct ParsedPayload {
  enum class Kind {
    Invalid,      // not JSON, or not an object
    NoChangelog,  // nothing to do (typically jira:issue_created)
    Malformed,    // a changelog we cannot act on safely, or a fields.updated that is not a time
    Event,
  };
  Kind kind = Kind::Invalid;
  IssueEvent event;
  // What is wrong (Invalid and Malformed), for the warning log and the
  // sender's 400; never quotes a payload value.
  std::string problem;
};

ParsedPayload parseIssuePayload(std::string_view body);

// The same snapshot read from an issue bean as Jira's REST API returns it
// (search results, GET issue: key, fields.updated, fields.assignee,
// fields.status); none without a key. Reconcile applies it like a delivery.
std::optional<IssueEvent> issueSnapshot(const ihp::sdk::json::Value& issue);

}  // namespace ih::jira
