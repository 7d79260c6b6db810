// host/storage/integration_repositories.h - repositories of plugin
// enablement, integrations, their identities (credentials, stored sealed
// by the caller) and organization links.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/records.h"

namespace ih::host::storage {

class UnitOfWork;

class PluginEnablementRepository {
 public:
  explicit PluginEnablementRepository(UnitOfWork& uow) : uow_(uow) {}
  bool isEnabled(int64_t organizationId, std::string_view pluginKey);
  void set(int64_t organizationId, std::string_view pluginKey, bool enabled, int64_t now);

 private:
  UnitOfWork& uow_;
};

class IntegrationRepository {
 public:
  explicit IntegrationRepository(UnitOfWork& uow) : uow_(uow) {}
  Integration insert(const Integration& integration);  // id filled in
  std::optional<Integration> findById(int64_t id);
  std::optional<Integration> findByExternalId(std::string_view provider, std::string_view externalId);
  void update(int64_t id, const std::string& name, const std::string& metadataJson, IntegrationStatus status);
  void setStatus(int64_t id, IntegrationStatus status);
  void setMetadata(int64_t id, const std::string& metadataJson);
  // Integrations whose metadata does not start with `sealedPrefix`: rows an
  // older host wrote in plaintext, for the start-up re-seal.
  std::vector<Integration> listMetadataNotStartingWith(std::string_view sealedPrefix);
  // Replaces the metadata only if it still reads `expected`; false when
  // another writer changed it first (a concurrent host's merge must win).
  bool replaceMetadataIfUnchanged(int64_t id, const std::string& expected, const std::string& metadataJson);
  // Deletes the integration and every row hanging off it.
  void remove(int64_t id);

 private:
  UnitOfWork& uow_;
};

class IdentityRepository {
 public:
  explicit IdentityRepository(UnitOfWork& uow) : uow_(uow) {}
  Identity insert(const Identity& identity);  // credentialsJson as given (sealed)
  std::optional<Identity> findById(int64_t id);
  // The identity the user (none = the superuser) holds for the integration.
  std::optional<Identity> findForUser(int64_t integrationId, std::optional<int64_t> userId);
  std::optional<Identity> latestForIntegration(int64_t integrationId);
  void updateCredentials(int64_t id, const std::string& sealedCredentials, const std::string& externalId);

 private:
  UnitOfWork& uow_;
};

class OrgIntegrationRepository {
 public:
  explicit OrgIntegrationRepository(UnitOfWork& uow) : uow_(uow) {}
  OrgIntegration insert(const OrgIntegration& link);  // id filled in
  std::optional<OrgIntegration> find(int64_t organizationId, int64_t integrationId);
  std::vector<OrgIntegration> listForOrganization(int64_t organizationId);
  std::vector<OrgIntegration> listForIntegration(int64_t integrationId);
  // Claims the periodic reconcile of a link for this interval: true (and the
  // link's start time set to `now`) unless a start at or after
  // `startedAfter` is recorded. One UPDATE, so of hosts racing for a link
  // exactly one wins (PostgreSQL re-checks the row after the winner commits).
  bool claimPeriodicReconcile(int64_t linkId, int64_t now, int64_t startedAfter);
  std::vector<OrgIntegration> listAll();  // every org's links, for periodic work
  void updateConfig(int64_t linkId, const std::string& configJson);
  void remove(int64_t linkId);

 private:
  UnitOfWork& uow_;
};

}  // namespace ih::host::storage
