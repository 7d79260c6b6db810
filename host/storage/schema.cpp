// host/storage/schema.cpp - the host's schema as versioned migrations.
//
// Portable DDL only: BIGINT/INTEGER/TEXT columns, booleans as INTEGER 0/1,
// times as BIGINT milliseconds, JSON documents as TEXT. Every lookup the
// repositories make has an index (a UNIQUE constraint counts as one).
// Append new migrations at the end; never edit one that has shipped.
#include "storage/migrations.h"

namespace ih::host::storage {

namespace {

std::vector<std::string> directorySchema() {
  return {
      "CREATE TABLE organizations ({pk}, slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL, created_at BIGINT NOT NULL)",

      "CREATE TABLE users ({pk}, email TEXT NOT NULL, email_lower TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
      " active INTEGER NOT NULL DEFAULT 1, created_at BIGINT NOT NULL)",
      "CREATE TABLE user_emails ({pk}, user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
      " email TEXT NOT NULL, email_lower TEXT NOT NULL, verified INTEGER NOT NULL, is_primary INTEGER NOT NULL,"
      " UNIQUE (user_id, email_lower))",
      "CREATE INDEX user_emails_by_email ON user_emails (email_lower, verified, user_id)",

      "CREATE TABLE members (organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,"
      " user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE, role TEXT NOT NULL,"
      " created_at BIGINT NOT NULL, PRIMARY KEY (organization_id, user_id))",
      "CREATE INDEX members_by_user ON members (user_id)",

      "CREATE TABLE teams ({pk}, organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,"
      " slug TEXT NOT NULL, created_at BIGINT NOT NULL, UNIQUE (organization_id, slug))",
      "CREATE TABLE team_members (team_id BIGINT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,"
      " user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE, PRIMARY KEY (team_id, user_id))",
      "CREATE INDEX team_members_by_user ON team_members (user_id)",

      "CREATE TABLE projects ({pk}, organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,"
      " slug TEXT NOT NULL, next_short_number BIGINT NOT NULL DEFAULT 0, created_at BIGINT NOT NULL,"
      " UNIQUE (organization_id, slug))",
      "CREATE TABLE project_teams (project_id BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,"
      " team_id BIGINT NOT NULL REFERENCES teams (id) ON DELETE CASCADE, PRIMARY KEY (project_id, team_id))",
      "CREATE INDEX project_teams_by_team ON project_teams (team_id)",

      "CREATE TABLE releases ({pk}, organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,"
      " version TEXT NOT NULL, created_at BIGINT NOT NULL, UNIQUE (organization_id, version))",
      "CREATE TABLE release_projects (release_id BIGINT NOT NULL REFERENCES releases (id) ON DELETE CASCADE,"
      " project_id BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE, PRIMARY KEY (release_id, project_id))",
      "CREATE INDEX release_projects_by_project ON release_projects (project_id)",

      "CREATE TABLE api_tokens ({pk}, user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
      " token_hash TEXT NOT NULL UNIQUE, created_at BIGINT NOT NULL)",
      "CREATE INDEX api_tokens_by_user ON api_tokens (user_id)",
  };
}

std::vector<std::string> issueSchema() {
  return {
      "CREATE TABLE issues ({pk}, organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,"
      " project_id BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE, short_number BIGINT NOT NULL,"
      " title TEXT NOT NULL, status TEXT NOT NULL,"
      " assignee_user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,"
      " resolved_in_release_id BIGINT REFERENCES releases (id) ON DELETE SET NULL,"
      " created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, UNIQUE (project_id, short_number))",
      "CREATE INDEX issues_by_organization ON issues (organization_id, id)",

      "CREATE TABLE activities ({pk}, organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,"
      " issue_id BIGINT NOT NULL REFERENCES issues (id) ON DELETE CASCADE, type TEXT NOT NULL,"
      " user_id BIGINT REFERENCES users (id) ON DELETE SET NULL, data TEXT NOT NULL, created_at BIGINT NOT NULL)",
      "CREATE INDEX activities_by_issue ON activities (issue_id, created_at, id)",

      "CREATE TABLE comments ({pk}, organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,"
      " issue_id BIGINT NOT NULL REFERENCES issues (id) ON DELETE CASCADE,"
      " user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,"
      " activity_id BIGINT REFERENCES activities (id) ON DELETE SET NULL, body TEXT NOT NULL,"
      " created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)",
      "CREATE INDEX comments_by_issue ON comments (issue_id, id)",
  };
}

std::vector<std::string> integrationSchema() {
  return {
      "CREATE TABLE plugin_enablement (organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,"
      " plugin_key TEXT NOT NULL, enabled INTEGER NOT NULL, updated_at BIGINT NOT NULL,"
      " PRIMARY KEY (organization_id, plugin_key))",

      "CREATE TABLE integrations ({pk}, provider TEXT NOT NULL, external_id TEXT NOT NULL, name TEXT NOT NULL,"
      " metadata TEXT NOT NULL, status TEXT NOT NULL, created_at BIGINT NOT NULL, UNIQUE (provider, external_id))",

      "CREATE TABLE identities ({pk}, integration_id BIGINT NOT NULL REFERENCES integrations (id) ON DELETE CASCADE,"
      " user_id BIGINT REFERENCES users (id) ON DELETE SET NULL, external_id TEXT NOT NULL,"
      " credentials TEXT NOT NULL, created_at BIGINT NOT NULL)",
      "CREATE INDEX identities_by_integration ON identities (integration_id, user_id)",

      "CREATE TABLE org_integrations ({pk},"
      " organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,"
      " integration_id BIGINT NOT NULL REFERENCES integrations (id) ON DELETE CASCADE, config TEXT NOT NULL,"
      " default_identity_id BIGINT REFERENCES identities (id) ON DELETE SET NULL, status TEXT NOT NULL,"
      " created_at BIGINT NOT NULL, UNIQUE (organization_id, integration_id))",
      "CREATE INDEX org_integrations_by_integration ON org_integrations (integration_id)",

      "CREATE TABLE external_issues ({pk},"
      " organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,"
      " integration_id BIGINT NOT NULL REFERENCES integrations (id) ON DELETE CASCADE,"
      " external_key TEXT NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL, url TEXT NOT NULL,"
      " gone_reason TEXT, assignee_watermark BIGINT NOT NULL DEFAULT 0,"
      " status_watermark BIGINT NOT NULL DEFAULT 0, created_at BIGINT NOT NULL,"
      " UNIQUE (organization_id, integration_id, external_key))",
      "CREATE INDEX external_issues_by_key ON external_issues (integration_id, external_key)",

      "CREATE TABLE issue_external_links (issue_id BIGINT NOT NULL REFERENCES issues (id) ON DELETE CASCADE,"
      " external_issue_id BIGINT NOT NULL REFERENCES external_issues (id) ON DELETE CASCADE,"
      " PRIMARY KEY (issue_id, external_issue_id))",
      "CREATE INDEX issue_external_links_by_external ON issue_external_links (external_issue_id)",

      "CREATE TABLE comment_external_links (comment_id BIGINT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,"
      " external_issue_id BIGINT NOT NULL REFERENCES external_issues (id) ON DELETE CASCADE,"
      " external_comment_id TEXT NOT NULL, PRIMARY KEY (comment_id, external_issue_id))",
      "CREATE INDEX comment_external_links_by_external ON comment_external_links (external_issue_id)",

      "CREATE TABLE pipelines ({pk}, public_id TEXT NOT NULL UNIQUE,"
      " organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,"
      " user_id BIGINT REFERENCES users (id) ON DELETE SET NULL, provider TEXT NOT NULL,"
      " step_index BIGINT NOT NULL, state TEXT NOT NULL, ref TEXT, created_at BIGINT NOT NULL,"
      " expires_at BIGINT NOT NULL)",
      "CREATE INDEX pipelines_by_ref ON pipelines (provider, ref)",
      "CREATE INDEX pipelines_by_expiry ON pipelines (expires_at)",
  };
}

// Jobs keep no foreign keys: an uninstall job outlives its integration.
std::vector<std::string> jobSchema() {
  return {
      "CREATE TABLE jobs ({pk}, plugin_key TEXT NOT NULL, kind TEXT NOT NULL, payload TEXT NOT NULL,"
      " ordering_key TEXT, organization_id BIGINT, integration_id BIGINT, state TEXT NOT NULL,"
      " attempts BIGINT NOT NULL, max_attempts BIGINT NOT NULL, run_at BIGINT NOT NULL, last_error TEXT,"
      " created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)",
      "CREATE INDEX jobs_runnable ON jobs (state, run_at, id)",
      "CREATE INDEX jobs_by_ordering_key ON jobs (ordering_key, id)",
      "CREATE INDEX jobs_by_organization ON jobs (organization_id, id)",
      "CREATE INDEX jobs_by_integration ON jobs (integration_id, kind)",
  };
}

// Host event jobs ("ihp.event") say which IHP_EVENT_* they carry in a column,
// so inbound sync can ask whether an assignment or a status change of a ticket
// is still to be written (JobRepository::hasUnfinishedEvent) without reading
// payloads. Rows written before this migration are filled from the payload,
// whose first member the host always writes as {"type":N,...}; only the four
// event types of ABI 1.0 exist.
std::vector<std::string> jobEventTypes() {
  std::vector<std::string> statements = {"ALTER TABLE jobs ADD COLUMN event_type INTEGER"};
  for (int type = 1; type <= 4; ++type) {
    statements.push_back("UPDATE jobs SET event_type = " + std::to_string(type) +
                         " WHERE kind = 'ihp.event' AND payload LIKE '{\"type\":" + std::to_string(type) + ",%'");
  }
  return statements;
}

// Claims walk the pending jobs in id order and stop at the first claimable one
// (no sort of the backlog), and the per-key "earlier unfinished job" probe and
// the unfinished-event lookup seek only the key's pending and running jobs
// (done ones, which pile up per ticket, are skipped by the index). The
// replaced indexes would tempt the planner back to the old plans.
std::vector<std::string> jobClaimIndexes() {
  return {
      "DROP INDEX jobs_runnable",
      "CREATE INDEX jobs_by_state ON jobs (state, id)",
      "DROP INDEX jobs_by_ordering_key",
      "CREATE INDEX jobs_by_ordering_key_state ON jobs (ordering_key, state, id)",
  };
}

// Browser sign-in: a user's password as a PHC-style scrypt string (algorithm,
// parameters, salt and hash together, so the cost can be raised later without
// a migration), and the sessions the web app's cookie names. A session row
// keeps only the SHA-256 of its cookie value, like API tokens: a leaked
// database does not sign anyone in. user_id NULL with admin_token_hash set is
// a session opened with the admin token; it ends when that token changes.
std::vector<std::string> browserSignIn() {
  return {
      "ALTER TABLE users ADD COLUMN password_hash TEXT",
      "CREATE TABLE sessions ({pk}, token_hash TEXT NOT NULL UNIQUE,"
      " user_id BIGINT REFERENCES users (id) ON DELETE CASCADE, admin_token_hash TEXT,"
      " created_at BIGINT NOT NULL, last_seen_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)",
      "CREATE INDEX sessions_by_user ON sessions (user_id)",
      "CREATE INDEX sessions_by_expiry ON sessions (expires_at)",
  };
}

// What the sync did and who changed what, for people asking "why did this
// not sync?" and "who changed the settings?":
// - sync_log: per issue, newest first, bounded by SyncLogRepository (the last
//   200 entries of an issue, none older than 30 days);
// - audit_log: per organization, actor kept as it was (type, id, email);
// - user_mappings: a remote user (its login name and stable key) stands for a
//   member when the remote side hides emails.
std::vector<std::string> syncVisibility() {
  return {
      "CREATE TABLE sync_log ({pk}, organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,"
      " issue_id BIGINT NOT NULL REFERENCES issues (id) ON DELETE CASCADE, integration_id BIGINT,"
      " external_key TEXT NOT NULL, direction TEXT NOT NULL, kind TEXT NOT NULL, outcome TEXT NOT NULL,"
      " detail TEXT NOT NULL, created_at BIGINT NOT NULL)",
      "CREATE INDEX sync_log_by_issue ON sync_log (issue_id, id)",
      "CREATE INDEX sync_log_by_time ON sync_log (created_at)",

      "CREATE TABLE audit_log ({pk}, organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,"
      " actor_type TEXT NOT NULL, actor_user_id BIGINT, actor_email TEXT, event TEXT NOT NULL,"
      " target_type TEXT NOT NULL, target_id TEXT, data TEXT NOT NULL, created_at BIGINT NOT NULL)",
      "CREATE INDEX audit_log_by_organization ON audit_log (organization_id, id)",

      "CREATE TABLE user_mappings ({pk},"
      " organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,"
      " integration_id BIGINT NOT NULL REFERENCES integrations (id) ON DELETE CASCADE,"
      " remote_name TEXT NOT NULL, remote_key TEXT, remote_display_name TEXT,"
      " user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE, created_at BIGINT NOT NULL,"
      " UNIQUE (organization_id, integration_id, remote_name))",
      "CREATE INDEX user_mappings_by_user ON user_mappings (organization_id, integration_id, user_id)",
  };
}

// Leases instead of start-up resets, so several hosts can share one queue: a
// running job names the process that claimed it (owner) and when its claim
// ends unless renewed (locked_until). Any host returns only expired claims to
// the queue. Jobs already running when this migrates have no known owner;
// an expired lease (0) lets the first host that looks re-queue them.
//
// host_settings holds what every host on the database must agree on, such as
// the fingerprint of the secret key that seals credentials.
std::vector<std::string> severalHosts() {
  return {
      "CREATE TABLE host_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL, created_at BIGINT NOT NULL)",
      "ALTER TABLE jobs ADD COLUMN owner TEXT",
      "ALTER TABLE jobs ADD COLUMN locked_until BIGINT",
      "UPDATE jobs SET locked_until = 0 WHERE state = 'running'",
      // Partial, so the claim's planner is not tempted away from jobs_by_state.
      "CREATE INDEX jobs_by_lease ON jobs (locked_until) WHERE state = 'running'",
  };
}

// Webhook requests acknowledged before they are applied (ABI 1.5's ACCEPT
// phase): a row is the promise a 200 made, deleted in the transaction that
// keeps it. retry_at and dead order the retries of a request that fails.
std::vector<std::string> webhookInbox() {
  return {
      "CREATE TABLE webhook_inbox ({pk}, plugin_key TEXT NOT NULL, method TEXT NOT NULL, path TEXT NOT NULL,"
      " query TEXT NOT NULL, headers TEXT NOT NULL, body TEXT NOT NULL, received_at BIGINT NOT NULL,"
      " attempts INTEGER NOT NULL DEFAULT 0, retry_at BIGINT NOT NULL DEFAULT 0, last_error TEXT,"
      " dead INTEGER NOT NULL DEFAULT 0)",
  };
}

// The inbox body is the sender's bytes in base64, which PostgreSQL's default
// compression (pglz) works hard on for a little: an insert of a 6.5 KB Jira
// body took 280 µs against 180 µs with lz4 (pgbench, docs/benchmarks.md
// issue 11 "Round 10"). Only new rows are compressed so, and a server built
// without lz4 keeps pglz rather than refusing to start.
// Since the host compresses bodies itself (inbox_repository.h), this matters
// for rows of older hosts only.
std::vector<std::string> inboxCompression() {
  return {
      "DO $$ BEGIN ALTER TABLE webhook_inbox ALTER COLUMN body SET COMPRESSION lz4;"
      " EXCEPTION WHEN feature_not_supported THEN NULL; END $$",
  };
}

// A compressed Jira body is a base64 text of 2-3 KB: past PostgreSQL's 2 KB
// TOAST threshold, so by default every inbox row had its body moved to the
// TOAST table (a second heap and index insert on the acknowledgement, a
// second read on the claim, a second delete), and lz4 found nothing to
// compress in base64 first. Rows up to a page are kept whole instead; only
// bodies too large for a page still go to TOAST.
std::vector<std::string> inboxRowsKeptWhole() { return {"ALTER TABLE webhook_inbox SET (toast_tuple_target = 8160)"}; }

// Every inbound delivery adds an activity and a sync log entry, and each
// foreign key is a lookup at insert that KEY SHARE-locks the row it finds:
// the organization's one row, locked by every applier at once, is then a
// new MultiXact each time (about 40 µs of PostgreSQL's CPU per delivery in
// bench-postgres). The issue's key already ties both rows to the
// organization: an organization's issues cascade to them. SQLite keeps its
// keys: its checks cost an index probe in the process, and dropping one
// rebuilds the table.
std::vector<std::string> logRowsKeyedByIssueOnly() {
  return {
      "ALTER TABLE activities DROP CONSTRAINT IF EXISTS activities_organization_id_fkey",
      "ALTER TABLE sync_log DROP CONSTRAINT IF EXISTS sync_log_organization_id_fkey",
  };
}

// An inbound assignment changes the issue's assignee, and the key's check
// KEY SHARE-locks the assignee's row: every applier assigning the same
// person locked one row at once, a new MultiXact each time (the issue's
// UPDATE took 26-32 µs a delivery in bench-postgres with the key, 16 without).
// The host sets an assignee only to a user it has just read as a member
// (IssueService::assign, assignMember), and users are never deleted, so the
// key guarded nothing the code does not. SQLite keeps it, as above.
std::vector<std::string> assigneesCheckedByTheHost() {
  return {"ALTER TABLE issues DROP CONSTRAINT IF EXISTS issues_assignee_user_id_fkey"};
}

// Every host runs the periodic reconcile; a link's start is claimed by one
// of them per interval (OrgIntegrationRepository::claimPeriodicReconcile).
std::vector<std::string> periodicReconcileClaims() {
  return {"ALTER TABLE org_integrations ADD COLUMN reconcile_started_at BIGINT NOT NULL DEFAULT 0"};
}

std::vector<std::string> concat(std::initializer_list<std::vector<std::string>> parts) {
  std::vector<std::string> all;
  for (const auto& part : parts) all.insert(all.end(), part.begin(), part.end());
  return all;
}

}  // namespace

const std::vector<Migration>& schemaMigrations() {
  static const std::vector<Migration> migrations = {
      {1, "initial schema", concat({directorySchema(), issueSchema(), integrationSchema(), jobSchema()})},
      {2, "job event types", jobEventTypes()},
      {3, "index-only job claims", jobClaimIndexes()},
      {4, "browser sign-in", browserSignIn()},
      {5, "sync log, audit log, user mappings", syncVisibility()},
      {6, "several hosts on one database", severalHosts()},
      {7, "webhook inbox", webhookInbox()},
      {8, "inbox bodies compressed with lz4", {}, inboxCompression()},
      {9, "inbox rows kept whole", {}, inboxRowsKeptWhole()},
      {10, "activities and sync log keyed by their issue only", {}, logRowsKeyedByIssueOnly()},
      {11, "issue assignees checked by the host", {}, assigneesCheckedByTheHost()},
      {12, "periodic reconcile claimed per link", periodicReconcileClaims()},
  };
  return migrations;
}

}  // namespace ih::host::storage
