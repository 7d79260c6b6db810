// host/domain/integration_service.h - plugin enablement per organization,
// installed integrations, their org links (config + default identity),
// credentials, and external issues linked to issues.
//
// Isolation: every org-facing method takes the organization id and only ever
// returns that organization's links and data. Plugin-facing lookups take the
// plugin's provider key and only return that provider's integrations.
// Credentials and metadata (which holds webhook secrets) are sealed with the
// SecretBox before they reach the database; records leave this service with
// their metadata opened, and neither is ever part of an API view.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/secret_box.h"
#include "common/clock.h"
#include "domain/lookup_cache.h"
#include "domain/org_link_info.h"
#include "jobs/job_queue.h"
#include "storage/records.h"
#include "storage/unit_of_work.h"

namespace ih::host::domain {

// What a completed setup pipeline asks the host to persist.
struct InstallSpec {
  std::string provider;
  std::string externalId;  // at most 64 characters
  std::string name;
  std::string metadataJson = "{}";
  std::string credentialsJson = "{}";
};

// An integration as one organization sees it.
struct OrgIntegrationView {
  storage::Integration integration;
  storage::OrgIntegration link;
};

// An issue linked to an external key (ihp_host_api.linked_issues_find).
struct LinkedIssue {
  int64_t organizationId = 0;
  int64_t issueId = 0;
  int64_t projectId = 0;
  int64_t externalIssueId = 0;
  storage::IssueStatus status = storage::IssueStatus::Unresolved;
  std::optional<int64_t> assigneeUserId;
};

enum class WatermarkKind { Assignee, Status };
enum class WatermarkResult { Advanced, Stale, NotLinked };

class IntegrationService {
 public:
  // `lookupCache` (may be null: every lookup reads the database) serves
  // findByExternalId, find, pluginEnabled and orgLinks (the reads every
  // webhook delivery repeats); every change below empties it on commit, here and on
  // the other hosts of the database (lookup_cache.h).
  IntegrationService(const Clock& clock, const auth::SecretBox& secrets, jobs::JobQueue& jobs,
                     LookupCache* lookupCache = nullptr);

  // --- plugin enablement (plugins start disabled everywhere) --------------
  bool pluginEnabled(storage::UnitOfWork& uow, int64_t organizationId, std::string_view pluginKey);
  void setPluginEnabled(storage::UnitOfWork& uow, int64_t organizationId, std::string_view pluginKey, bool enabled);

  // --- installation ----------------------------------------------------------
  // Atomically: get-or-create the integration (provider, externalId) - on reuse
  // its name and metadata are overwritten and it becomes active -, store the
  // installing user's identity with the credentials, and create the org link
  // (config "{}", default identity = that identity) unless it exists.
  OrgIntegrationView install(storage::UnitOfWork& uow, int64_t organizationId, std::optional<int64_t> userId,
                             const InstallSpec& spec);

  // --- the organization's view ----------------------------------------------
  std::vector<OrgIntegrationView> listForOrganization(storage::UnitOfWork& uow, int64_t organizationId);
  // NotFoundError when the org does not link the integration.
  OrgIntegrationView getForOrganization(storage::UnitOfWork& uow, int64_t organizationId, int64_t integrationId);
  void replaceConfig(storage::UnitOfWork& uow, int64_t organizationId, int64_t integrationId,
                     const std::string& configJson);
  // Shallow-merges a JSON object into the stored config.
  void mergeConfig(storage::UnitOfWork& uow, int64_t organizationId, int64_t integrationId,
                   const std::string& patchJson);
  // Removes the org's link. When it was the last one the integration becomes
  // PendingDeletion and a host job "integration.uninstall" is enqueued;
  // returns true in that case.
  bool unlink(storage::UnitOfWork& uow, int64_t organizationId, int64_t integrationId);
  // Deletes the integration, its identities, org links and external issues.
  void remove(storage::UnitOfWork& uow, int64_t integrationId);

  // --- plugin-facing -------------------------------------------------------
  // Cached per asking organization (`organizationId`, 0 for a public route).
  std::optional<storage::Integration> findByExternalId(storage::UnitOfWork& uow, std::string_view provider,
                                                      std::string_view externalId, int64_t organizationId = 0);
  std::optional<storage::Integration> find(storage::UnitOfWork& uow, std::string_view provider, int64_t integrationId);
  // Any provider's integration, metadata opened: for the host's own
  // decisions. What a plugin asks for goes through find(), which checks
  // that the integration is the plugin's.
  std::optional<storage::Integration> integrationById(storage::UnitOfWork& uow, int64_t integrationId);
  void mergeMetadata(storage::UnitOfWork& uow, int64_t integrationId, const std::string& patchJson);
  std::vector<OrgLinkInfo> orgLinks(storage::UnitOfWork& uow, int64_t integrationId);
  // The org's link to the integration, if any (read-only callers; a change
  // reads the row itself inside its write transaction).
  std::optional<storage::OrgIntegration> orgLink(storage::UnitOfWork& uow, int64_t organizationId,
                                                 int64_t integrationId);
  // Decrypted credentials of the org link's default identity (organizationId
  // 0: the most recent identity of the integration).
  std::optional<std::string> credentials(storage::UnitOfWork& uow, int64_t integrationId, int64_t organizationId);

  // --- external issues -------------------------------------------------------
  // Upserts the external issue for (org, integration, key) and links it to the issue.
  storage::ExternalIssue linkExternalIssue(storage::UnitOfWork& uow, int64_t organizationId, int64_t integrationId,
                                           int64_t issueId, const std::string& key, const std::string& title,
                                           const std::string& description, const std::string& url);
  // Every issue linked to (integration, key), across organizations.
  std::vector<LinkedIssue> linkedIssues(storage::UnitOfWork& uow, int64_t integrationId, std::string_view key);
  // The same, held until the transaction ends, with the unfinished jobs of
  // `jobsOrderingKey` read along (ExternalIssueRepository::lockedLinkedIssues).
  std::vector<LinkedIssue> lockedLinkedIssues(storage::UnitOfWork& uow, int64_t integrationId, std::string_view key,
                                              std::string_view jobsOrderingKey = {});
  // Assignee: stale when eventTime < mark; Status: stale when eventTime <= mark.
  // A time more than a day ahead of the host's clock is refused
  // (BadRequestError, logged) whoever sends it: it would freeze the mark there.
  WatermarkResult advanceWatermark(storage::UnitOfWork& uow, int64_t organizationId, int64_t integrationId,
                                   std::string_view key, WatermarkKind kind, int64_t eventTimeMs);
  void linkCommentExternal(storage::UnitOfWork& uow, int64_t organizationId, int64_t commentId,
                           int64_t externalIssueId, const std::string& externalCommentId);
  // The organization's external issue with that id, if any.
  std::optional<storage::ExternalIssue> findExternalIssue(storage::UnitOfWork& uow, int64_t organizationId,
                                                          int64_t externalIssueId);
  std::optional<std::string> externalCommentId(storage::UnitOfWork& uow, int64_t commentId, int64_t externalIssueId);
  // The remote ticket was re-keyed (moved between projects): renames the
  // (integration, oldKey) external issue in every organization unless one with
  // newKey already exists there. Returns how many were renamed.
  int rekeyExternalIssues(storage::UnitOfWork& uow, int64_t integrationId, std::string_view oldKey,
                          std::string_view newKey);
  void markExternalIssueGone(storage::UnitOfWork& uow, int64_t organizationId, int64_t externalIssueId,
                             const std::string& reason);

 private:
  // `load()`, through the lookup cache when there is one and `uow` has not
  // changed what it keeps (then it must read its own changes).
  template <class T>
  std::optional<T> cached(storage::UnitOfWork& uow, LookupCache::Key key,
                          const std::function<std::optional<T>()>& load) {
    if (lookupCache_ == nullptr || uow.cachedRecordsChanged()) return load();
    return lookupCache_->find<T>(std::move(key), load);
  }

  const Clock& clock_;
  const auth::SecretBox& secrets_;
  jobs::JobQueue& jobs_;
  LookupCache* lookupCache_;
};

}  // namespace ih::host::domain
