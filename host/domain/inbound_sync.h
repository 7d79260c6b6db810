// host/domain/inbound_sync.h - applies changes that arrive from an
// integration to the linked issues (the host services behind
// ihp_host_api.sync_assignee_inbound and sync_status_inbound).
//
// Assignee: all organizations that link the integration, have its plugin
// enabled and have sync_reverse_assignment on. Unassign clears every affected
// issue. Assign picks, per issue, an active user with a VERIFIED email equal to
// the remote email (case-insensitive) who is on a team of the issue's project;
// without one the issue stays as it is ("userNotFound", logged as a halt).
// Events older than the per-(org, external issue) assignee watermark are
// skipped. Status: one organization, following its resolution_strategy; issues
// already in the target state get no activity. All changes carry the
// integration as their source, so they never sync back to it.
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
  std::optional<std::string> email;  // none = unassign
  int64_t eventTimeMs = 0;           // 0 = no ordering guard
};

struct AssigneeSyncResult {
  int affected = 0, assigned = 0, unassigned = 0, unchanged = 0, stale = 0, userNotFound = 0;
};

enum class StatusAction { Resolve, Unresolve };

struct StatusSyncRequest {
  int64_t integrationId = 0;
  std::string provider;
  int64_t organizationId = 0;
  std::string externalKey;
  StatusAction action = StatusAction::Resolve;
};

struct StatusSyncResult {
  int affected = 0, changed = 0;
};

class InboundSync {
 public:
  InboundSync(DirectoryService& directory, IssueService& issues, IntegrationService& integrations);

  AssigneeSyncResult syncAssignee(storage::UnitOfWork& uow, const AssigneeSyncRequest& request);
  StatusSyncResult syncStatus(storage::UnitOfWork& uow, const StatusSyncRequest& request);

 private:
  DirectoryService& directory_;
  IssueService& issues_;
  IntegrationService& integrations_;
};

}  // namespace ih::host::domain
