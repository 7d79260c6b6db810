// One thing that happened to an issue, captured (with the issue already rendered after the
// change) while the model lock is held, and turned into webhook deliveries after it is
// released.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ih::mock {

struct ChangeItem {
  std::string field;
  std::string fieldtype = "jira";
  std::optional<std::string> from;
  std::optional<std::string> fromString;
  std::optional<std::string> to;
  std::optional<std::string> toString;
};

struct IssueEvent {
  std::string webhookEvent;   // jira:issue_updated, comment_created, ...
  std::string typeName;       // issue_event_type_name; empty for comment_* events
  std::int64_t timestampMs = 0;
  std::string userJson;       // the actor; empty for comment_* events
  std::string issueJson;      // empty for comment_* events
  std::optional<std::string> changelogId;
  std::vector<ChangeItem> changelog;
  std::optional<std::string> commentJson;
  // Values for ${issue.key} and friends in webhook URLs.
  std::map<std::string, std::string> urlVariables;
};

}  // namespace ih::mock
