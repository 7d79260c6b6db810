// bench/payloads/jira_payload.h - realistic `jira:issue_updated` webhook bodies
// (about 6 KB, shaped like Jira Server 9 sends them: actor, the whole issue
// with avatars, description, reporter and creator, the changelog), so the
// parse benchmark and the end-to-end load driver pay what a real delivery
// costs rather than what a minimal JSON object costs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace ih::bench {

struct JiraUserRef {
  std::string name;  // Jira user name ("alice")
  std::string key;   // JIRAUSER10100
  std::string displayName;
  std::string email;
};

// The users of the mock's seed (tests/e2e/jira_server/jira_seed.h).
JiraUserRef seedAlice();
JiraUserRef seedBob();

struct IssueUpdate {
  std::string issueKey = "OPS-1";
  int64_t issueId = 10001;
  int64_t updatedMs = 0;  // fields.updated: the plugin's per-issue watermark
  std::optional<JiraUserRef> assignee;          // after the change; none = unassigned
  std::optional<JiraUserRef> previousAssignee;  // for the changelog item
  bool withChangelog = true;  // false: Jira's "nothing the plugin acts on" shape
};

std::string buildIssueUpdatedPayload(const IssueUpdate& update);
// One delivery of an assignee change, Alice to Bob: the micro benchmarks' body.
std::string sampleAssigneeChangePayload();

// Jira's timestamp text, "2026-11-26T19:38:16.123+0000" (UTC).
std::string formatJiraTime(int64_t epochMs);

}  // namespace ih::bench
