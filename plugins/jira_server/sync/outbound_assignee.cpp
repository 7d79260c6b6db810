#include "sync/outbound_assignee.h"

#include <cctype>
#include <optional>
#include <string>

#include "client/issue_api.h"
#include "client/user_api.h"
#include "sync/outbound_outcome.h"
#include "sync/outbound_watermark.h"
#include "sync/sync_note.h"

namespace ih::jira {

namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

// The one user of a search that stands for `email`: the only hit, or the hit
// whose emailAddress is the email.
std::optional<std::string> pickUser(const std::vector<JiraUser>& hits, const std::string& email) {
  if (hits.size() == 1) return hits.front().name.empty() ? std::nullopt : std::optional<std::string>(hits.front().name);
  for (const auto& user : hits) {
    if (user.emailAddress && equalsIgnoreCase(*user.emailAddress, email) && !user.name.empty()) return user.name;
  }
  return std::nullopt;
}

// The Jira name for the first verified email that finds one. A transient
// failure is returned (the job retries); a refused search only skips that email.
ApiResult<std::optional<std::string>> findJiraUser(const JiraClient& client, const OutboundEvent& event) {
  UserApi users(client);
  for (const auto& email : event.assignee->verifiedEmails) {
    auto hits = users.assignable(AssignableScope::issue(event.issueKey), email);
    if (!hits) {
      if (hits.error().isTransient()) return fail(hits.error());
      client.host().warn(std::string(hits.error().isUnauthorized() ? "jira.user-search.unauthorized"
                                                                   : "jira.user-search.request-error") +
                         ": issue=" + event.issueKey + " status=" + std::to_string(hits.error().status()));
      continue;
    }
    if (auto name = pickUser(hits.value(), email)) return name;
  }
  return std::optional<std::string>();
}

}  // namespace

ihp_status syncAssigneeOutbound(const JiraClient& client, const OutboundEvent& event, ihp::sdk::Reply& reply) {
  const ihp::sdk::Host& host = client.host();
  const OutboundTarget target{event.organizationId, event.externalIssueId, event.issueKey};
  const FailureTexts texts{kAssignUnauthorized, kAssignFailed};

  std::optional<std::string> jiraName;
  if (event.assignee && event.assignee->remoteUser) {
    jiraName = event.assignee->remoteUser;
  } else if (event.assignee) {
    auto found = findJiraUser(client, event);
    if (!found) return outboundFailure(host, reply, target, found.error(), texts);
    if (!found.value()) {
      host.warn("jira_server.assignee-not-found: issue=" + event.issueKey +
                " user=" + std::to_string(event.assignee->id) +
                " verified emails=" + std::to_string(event.assignee->verifiedEmails.size()));
      return giveUp(host, reply, kAssignFailed);
    }
    jiraName = std::move(found.value());
  }

  auto assigned = IssueApi(client).assign(event.issueKey, jiraName);
  if (!assigned) return outboundFailure(host, reply, target, assigned.error(), texts);
  host.info(std::string("assignee-synced: issue=") + event.issueKey + (jiraName ? " assigned" : " unassigned"));
  advanceAssigneeMarkAfterWrite(client, event);
  // Last, after every call to Jira: the line is a database write, and on
  // SQLite a write holds the lock until the job commits, which would keep
  // webhooks waiting through a slow Jira answer.
  if (!jiraName) {
    noteOutbound(host, event, IHP_SYNC_APPLIED, "unassigned in Jira");
  } else {
    const bool mapped = event.assignee->remoteUser.has_value();
    noteOutbound(host, event, IHP_SYNC_APPLIED,
                 "assigned to Jira user " + *jiraName + (mapped ? " (by user mapping)" : " (found by verified email)"));
  }
  return IHP_OK;
}

}  // namespace ih::jira
