// host/storage/records.h - the rows of the Sentry-like domain, as plain structs.
//
// These are what repositories read and write and what services pass around.
// Times are milliseconds since the Unix epoch. JSON columns are kept as their
// serialised text (config, metadata, credentials, activity data): only the code
// that owns a document's shape parses it. Ids are database-assigned int64;
// optional references are std::optional.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ih::host::storage {

struct Organization {
  int64_t id = 0;
  std::string slug;
  std::string name;
  int64_t createdAt = 0;
};

struct UserEmail {
  std::string email;  // as given; compared case-insensitively
  bool verified = false;
};

struct User {
  int64_t id = 0;
  std::string email;  // primary email, always verified
  std::string name;
  bool active = true;
  std::vector<UserEmail> emails;  // includes the primary
  int64_t createdAt = 0;
};

enum class Role { Owner, Member };

struct Member {
  int64_t organizationId = 0;
  int64_t userId = 0;
  Role role = Role::Member;
};

struct Team {
  int64_t id = 0;
  int64_t organizationId = 0;
  std::string slug;
};

struct Project {
  int64_t id = 0;
  int64_t organizationId = 0;
  std::string slug;
  std::vector<int64_t> teamIds;
};

struct Release {
  int64_t id = 0;
  int64_t organizationId = 0;
  std::string version;
  std::vector<int64_t> projectIds;
  int64_t createdAt = 0;
};

enum class IssueStatus { Unresolved, Resolved };

struct Issue {
  int64_t id = 0;
  int64_t organizationId = 0;
  int64_t projectId = 0;
  int64_t shortNumber = 0;  // per project; shortId = upper(project slug) + "-" + shortNumber
  std::string shortId;
  std::string title;
  IssueStatus status = IssueStatus::Unresolved;
  std::optional<int64_t> assigneeUserId;
  std::optional<int64_t> resolvedInReleaseId;
  int64_t createdAt = 0;
  int64_t updatedAt = 0;
};

struct Activity {
  int64_t id = 0;
  int64_t organizationId = 0;
  int64_t issueId = 0;
  std::string type;  // assigned, unassigned, set_resolved, set_resolved_in_release, set_unresolved, note, create_issue
  std::optional<int64_t> userId;  // the acting user; none for system/integration actors
  std::string dataJson = "{}";
  int64_t createdAt = 0;
};

struct Comment {
  int64_t id = 0;
  int64_t organizationId = 0;
  int64_t issueId = 0;
  std::optional<int64_t> userId;
  std::string text;
  int64_t createdAt = 0;
  int64_t updatedAt = 0;
};

struct ApiToken {
  int64_t id = 0;
  int64_t userId = 0;
  std::string tokenHash;  // hex SHA-256 of the token; the token itself is never stored
  int64_t createdAt = 0;
};

struct PluginEnablement {
  int64_t organizationId = 0;
  std::string pluginKey;
  bool enabled = false;
};

enum class IntegrationStatus { Active, Disabled, PendingDeletion };

struct Integration {
  int64_t id = 0;
  std::string provider;  // the plugin key, e.g. "jira_server"
  std::string externalId;
  std::string name;
  // May hold secrets (webhook secrets): sealed in the database, never served
  // as is. Repositories carry it as stored; IntegrationService seals and opens.
  std::string metadataJson = "{}";
  IntegrationStatus status = IntegrationStatus::Active;
  int64_t createdAt = 0;
};

// The credentials an installing user brought (OAuth tokens, keys, PATs).
struct Identity {
  int64_t id = 0;
  int64_t integrationId = 0;
  std::optional<int64_t> userId;  // none when the superuser installed
  std::string externalId;
  std::string credentialsJson = "{}";  // secret; encrypted at rest
  int64_t createdAt = 0;
};

struct OrgIntegration {
  int64_t id = 0;
  int64_t organizationId = 0;
  int64_t integrationId = 0;
  std::string configJson = "{}";
  std::optional<int64_t> defaultIdentityId;
  IntegrationStatus status = IntegrationStatus::Active;
  int64_t createdAt = 0;
};

struct ExternalIssue {
  int64_t id = 0;
  int64_t organizationId = 0;
  int64_t integrationId = 0;
  std::string key;
  std::string title;
  std::string description;
  std::string url;
  std::optional<std::string> goneReason;  // set when the remote ticket disappeared
  int64_t assigneeWatermark = 0;  // provider event time of the last applied assignee change
  int64_t statusWatermark = 0;    // provider event time of the last accepted status change
  int64_t createdAt = 0;
};

struct CommentExternalLink {
  int64_t commentId = 0;
  int64_t externalIssueId = 0;
  std::string externalCommentId;
};

// An installation in progress. `publicId` is the unguessable id in URLs.
struct Pipeline {
  int64_t id = 0;
  std::string publicId;
  int64_t organizationId = 0;
  std::optional<int64_t> userId;
  std::string provider;
  uint32_t stepIndex = 0;
  std::string stateJson = "{}";  // secret (holds the private key until completion); encrypted at rest
  std::optional<std::string> ref;  // callback lookup key, e.g. the OAuth request token
  int64_t createdAt = 0;
  int64_t expiresAt = 0;
};

enum class JobState { Pending, Running, Done, Dead };

struct Job {
  int64_t id = 0;
  std::string pluginKey;  // empty for the host's own jobs
  std::string kind;
  std::string payloadJson = "{}";
  std::optional<std::string> orderingKey;
  std::optional<int64_t> organizationId;
  std::optional<int64_t> integrationId;
  std::optional<int32_t> eventType;  // IHP_EVENT_* of a host event job ("ihp.event"); none for other jobs
  JobState state = JobState::Pending;
  uint32_t attempts = 0;
  uint32_t maxAttempts = 0;
  int64_t runAt = 0;
  std::optional<std::string> lastError;
  int64_t createdAt = 0;
  int64_t updatedAt = 0;
  // While running: the claiming process (JobQueue::owner()) and when its
  // lease ends unless renewed. `attempts` numbers the claim: an outcome is
  // recorded only by the owner of the attempt that is still current.
  std::optional<std::string> owner;
  std::optional<int64_t> lockedUntil;
};

const char* toString(Role role);
std::optional<Role> roleFromString(const std::string& text);
const char* toString(IssueStatus status);
std::optional<IssueStatus> issueStatusFromString(const std::string& text);
const char* toString(IntegrationStatus status);
std::optional<IntegrationStatus> integrationStatusFromString(const std::string& text);
const char* toString(JobState state);
std::optional<JobState> jobStateFromString(const std::string& text);

}  // namespace ih::host::storage
