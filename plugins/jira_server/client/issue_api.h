// client/issue_api.h - Jira's issue resource as the outbound flows use it:
// read one issue (never cached: status sync must see the current status) or
// only its last-update time and status, assign / unassign it, create one, and find
// issues with JQL for the link form's search. Keys are percent-encoded into
// paths; bodies are built here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "client/jira_client.h"

namespace ih::jira {

struct JiraIssue {
  std::string key;
  std::string summary;
  std::string description;  // "" when Jira has none (null)
  std::string projectId;
  std::string statusId;
};

// What a read right after a write sees of the ticket.
struct TicketLastChange {
  int64_t updatedMs = 0;  // fields.updated, epoch milliseconds
  std::string statusId;   // "" when Jira sent none
};

struct IssueHit {
  std::string key;
  std::string summary;
};

class IssueApi {
 public:
  explicit IssueApi(const JiraClient& client) : client_(client) {}

  // GET /rest/api/2/issue/{key} (uncached).
  ApiResult<JiraIssue> get(std::string_view key) const;
  // GET /rest/api/2/issue/{key}?fields=updated,status (uncached).
  ApiResult<TicketLastChange> lastChange(std::string_view key) const;
  // PUT /rest/api/2/issue/{key}/assignee {"name": name} or {"name": null}.
  ApiResult<Done> assign(std::string_view key, const std::optional<std::string>& name) const;
  // POST /rest/api/2/issue {"fields": ...}; the new issue's key.
  ApiResult<std::string> create(const std::string& fieldsJson) const;
  // GET /rest/api/2/search/?jql=... (Jira's default page size).
  ApiResult<std::vector<IssueHit>> search(std::string_view jql) const;

  static std::string issuePath(std::string_view key);

 private:
  const JiraClient& client_;
};

}  // namespace ih::jira
