// host/domain/inbound_sync.h - applies changes that arrive from an
// integration to the linked issues (the host services behind
// ihp_host_api.sync_assignee_inbound and sync_status_inbound).
//
// Assignee: all organizations that link the integration, have its plugin
// enabled and have sync_reverse_assignment on. Unassign clears every affected
// issue. Assign picks, per issue, an active user with a VERIFIED email equal to
// the remote email (case-insensitive) who is on a team of the issue's project;
// without one, the organization's user mapping for the remote user decides
// (a member; the team rule is for guesses by email, a mapping is an owner's
// statement); without that the issue stays as it is ("userNotFound", logged
// as a halt). Every decision per issue goes to its sync log in words.
// Events older than the per-(org, external issue) assignee watermark are
// skipped. Status: one organization, following its resolution_strategy; issues
// already in the target state get no activity. All changes carry the
// integration as their source, so they never sync back to it.
//
// The host's own intent comes first: while an organization still has an
// outbound event of the same kind for the ticket to write (a pending or
// running "ihp.event" job: an assignment for assignee changes, a status change
// for status changes), inbound changes of that kind are skipped there as
// stale. That change is newer than anything the remote side can report before
// it lands, and once the plugin has written it, it advances the watermark to
// the ticket's new time, so the remote side's echoes of older writes stay
// stale afterwards (see orderEvent). On PostgreSQL, where a user's change may
// be committing on another host at that moment, the check first holds the
// linked issues' rows, and the user's read-modify-write holds the issue's
// row, so one of the two always sees the other.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/directory_service.h"
#include "domain/integration_service.h"
#include "domain/issue_service.h"
#include "storage/unit_of_work.h"

namespace ih::host::domain {

struct AssigneeSyncRequest {
  int64_t integrationId = 0;
  std::string provider;
  std::string externalKey;
  bool assign = false;               // false = unassign
  std::optional<std::string> email;  // none: Jira hides it
  // The remote user as the provider names it (login name, stable key): its
  // user mapping decides when there is no email or the email matches no
  // verified address of an eligible member.
  std::optional<std::string> remoteUser = std::nullopt;
  std::optional<std::string> remoteUserKey = std::nullopt;
  int64_t eventTimeMs = 0;  // 0 = no ordering guard
};

struct AssigneeSyncResult {
  int affected = 0, assigned = 0, unassigned = 0, unchanged = 0, stale = 0, userNotFound = 0, mapped = 0;
};

enum class StatusAction { Resolve, Unresolve };

struct StatusSyncRequest {
  int64_t integrationId = 0;
  std::string provider;
  int64_t organizationId = 0;
  std::string externalKey;
  StatusAction action = StatusAction::Resolve;
  // Change nothing while a job of the ticket other than `callingJobId` is
  // pending or running (IHP_STATUS_SYNC_UNLESS_QUEUED).
  bool unlessQueued = false;
  std::optional<int64_t> callingJobId = std::nullopt;
  // Change nothing once the ticket's status mark in the organization is past
  // this event time (IHP_STATUS_SYNC_UNLESS_SUPERSEDED): a change that ran
  // late, such as a dead job retried by hand, never replaces a newer one.
  std::optional<int64_t> unlessSupersededAfterMs = std::nullopt;
};

struct StatusSyncResult {
  int affected = 0, changed = 0, stale = 0;
  bool queued = false;  // unlessQueued, and a job of the ticket was unfinished: nothing changed
};

// One inbound event of a ticket, to be placed in the order of its changes in
// one organization (ihp_host_api.watermark_advance).
struct InboundEventOrder {
  int64_t organizationId = 0;
  int64_t integrationId = 0;
  std::string externalKey;
  WatermarkKind kind = WatermarkKind::Assignee;
  std::optional<int64_t> eventTimeMs;   // none: no watermark guard
  std::optional<int64_t> callingJobId;  // the job asking; never counts as the host's pending change
};

class InboundSync {
 public:
  InboundSync(DirectoryService& directory, IssueService& issues, IntegrationService& integrations);

  AssigneeSyncResult syncAssignee(storage::UnitOfWork& uow, const AssigneeSyncRequest& request);
  StatusSyncResult syncStatus(storage::UnitOfWork& uow, const StatusSyncRequest& request);
  // Stale while the organization has an outbound event of the event's kind
  // for the ticket pending or running (other than the calling job); otherwise
  // the watermark decides (IntegrationService::advanceWatermark). The jobs are
  // read before the mark: a job that has finished wrote its mark first.
  WatermarkResult orderEvent(storage::UnitOfWork& uow, const InboundEventOrder& event);

 private:
  // The member to assign for `request` on `issue`: by verified email, then by
  // user mapping (mapped = true). None: nobody, with the reason in words.
  std::optional<storage::User> assigneeFor(storage::UnitOfWork& uow, int64_t organizationId, const LinkedIssue& issue,
                                           const AssigneeSyncRequest& request, bool& mapped, std::string& whyNot);

  DirectoryService& directory_;
  IssueService& issues_;
  IntegrationService& integrations_;
};

}  // namespace ih::host::domain
