// host/storage/integration_repositories.cpp - see integration_repositories.h.
#include "storage/integration_repositories.h"

#include "storage/external_issue_repository.h"
#include "storage/query.h"
#include "storage/unit_of_work.h"

namespace ih::host::storage {

namespace {

constexpr const char* kIntegrationSelect =
    "SELECT id, provider, external_id, name, metadata, status, created_at FROM integrations";

Integration integrationFromRow(const Row& row) {
  Integration integration;
  integration.id = row.int64(0);
  integration.provider = row.text(1);
  integration.externalId = row.text(2);
  integration.name = row.text(3);
  integration.metadataJson = row.text(4);
  integration.status = integrationStatusFromString(row.text(5)).value_or(IntegrationStatus::Disabled);
  integration.createdAt = row.int64(6);
  return integration;
}

constexpr const char* kIdentitySelect =
    "SELECT id, integration_id, user_id, external_id, credentials, created_at FROM identities";

Identity identityFromRow(const Row& row) {
  return Identity{row.int64(0), row.int64(1), row.optInt64(2), row.text(3), row.text(4), row.int64(5)};
}

constexpr const char* kLinkSelect =
    "SELECT id, organization_id, integration_id, config, default_identity_id, status, created_at"
    " FROM org_integrations";

OrgIntegration linkFromRow(const Row& row) {
  OrgIntegration link;
  link.id = row.int64(0);
  link.organizationId = row.int64(1);
  link.integrationId = row.int64(2);
  link.configJson = row.text(3);
  link.defaultIdentityId = row.optInt64(4);
  link.status = integrationStatusFromString(row.text(5)).value_or(IntegrationStatus::Disabled);
  link.createdAt = row.int64(6);
  return link;
}

std::vector<OrgIntegration> linksFrom(const std::vector<Row>& rows) {
  std::vector<OrgIntegration> links;
  for (const auto& row : rows) links.push_back(linkFromRow(row));
  return links;
}

}  // namespace

// --- plugin enablement -------------------------------------------------------

bool PluginEnablementRepository::isEnabled(int64_t organizationId, std::string_view pluginKey) {
  auto row = Query(uow_, "SELECT enabled FROM plugin_enablement WHERE organization_id = ? AND plugin_key = ?")
                 .bind(organizationId)
                 .bind(pluginKey)
                 .one();
  return row && row->boolean(0);
}

void PluginEnablementRepository::set(int64_t organizationId, std::string_view pluginKey, bool enabled, int64_t now) {
  uow_.beginWrite();
  Query(uow_,
        "INSERT INTO plugin_enablement (organization_id, plugin_key, enabled, updated_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (organization_id, plugin_key) DO UPDATE SET enabled = excluded.enabled,"
        " updated_at = excluded.updated_at")
      .bind(organizationId)
      .bind(pluginKey)
      .bind(enabled)
      .bind(now)
      .execute();
}

// --- integrations ------------------------------------------------------------

Integration IntegrationRepository::insert(const Integration& integration) {
  uow_.beginWrite();
  Integration stored = integration;
  stored.id = Query(uow_,
                    "INSERT INTO integrations (provider, external_id, name, metadata, status, created_at)"
                    " VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
                  .bind(integration.provider)
                  .bind(integration.externalId)
                  .bind(integration.name)
                  .bind(integration.metadataJson)
                  .bind(toString(integration.status))
                  .bind(integration.createdAt)
                  .scalarInt64();
  return stored;
}

std::optional<Integration> IntegrationRepository::findById(int64_t id) {
  auto row = Query(uow_, std::string(kIntegrationSelect) + " WHERE id = ?").bind(id).one();
  if (!row) return std::nullopt;
  return integrationFromRow(*row);
}

std::optional<Integration> IntegrationRepository::findByExternalId(std::string_view provider,
                                                                   std::string_view externalId) {
  auto row = Query(uow_, std::string(kIntegrationSelect) + " WHERE provider = ? AND external_id = ?")
                 .bind(provider)
                 .bind(externalId)
                 .one();
  if (!row) return std::nullopt;
  return integrationFromRow(*row);
}

void IntegrationRepository::update(int64_t id, const std::string& name, const std::string& metadataJson,
                                   IntegrationStatus status) {
  uow_.beginWrite();
  Query(uow_, "UPDATE integrations SET name = ?, metadata = ?, status = ? WHERE id = ?")
      .bind(name)
      .bind(metadataJson)
      .bind(toString(status))
      .bind(id)
      .execute();
}

void IntegrationRepository::setStatus(int64_t id, IntegrationStatus status) {
  uow_.beginWrite();
  Query(uow_, "UPDATE integrations SET status = ? WHERE id = ?").bind(toString(status)).bind(id).execute();
}

void IntegrationRepository::setMetadata(int64_t id, const std::string& metadataJson) {
  uow_.beginWrite();
  Query(uow_, "UPDATE integrations SET metadata = ? WHERE id = ?").bind(metadataJson).bind(id).execute();
}

std::vector<Integration> IntegrationRepository::listMetadataNotStartingWith(std::string_view sealedPrefix) {
  std::vector<Integration> found;
  // substr, not LIKE: '_' and '%' in the prefix must not be wildcards. The
  // length is a literal: PostgreSQL has no substr(text, int, bigint).
  const std::string sql = std::string(kIntegrationSelect) + " WHERE substr(metadata, 1, " +
                          std::to_string(sealedPrefix.size()) + ") <> ? ORDER BY id";
  for (const auto& row : Query(uow_, sql).bind(sealedPrefix).rows()) {
    found.push_back(integrationFromRow(row));
  }
  return found;
}

bool IntegrationRepository::replaceMetadataIfUnchanged(int64_t id, const std::string& expected,
                                                       const std::string& metadataJson) {
  uow_.beginWrite();
  return Query(uow_, "UPDATE integrations SET metadata = ? WHERE id = ? AND metadata = ?")
             .bind(metadataJson)
             .bind(id)
             .bind(expected)
             .execute() == 1;
}

void IntegrationRepository::remove(int64_t id) {
  uow_.beginWrite();
  // Explicit, children first: correct whether or not the backend enforces
  // the ON DELETE CASCADE clauses.
  const char* const statements[] = {
      "DELETE FROM comment_external_links WHERE external_issue_id IN"
      " (SELECT id FROM external_issues WHERE integration_id = ?)",
      "DELETE FROM issue_external_links WHERE external_issue_id IN"
      " (SELECT id FROM external_issues WHERE integration_id = ?)",
      "DELETE FROM external_issues WHERE integration_id = ?",
      "DELETE FROM org_integrations WHERE integration_id = ?",
      "DELETE FROM identities WHERE integration_id = ?",
      "DELETE FROM integrations WHERE id = ?",
  };
  ExternalIssueRepository(uow_).forgetIssueLinks();
  for (const char* sql : statements) Query(uow_, sql).bind(id).execute();
}

// --- identities --------------------------------------------------------------

Identity IdentityRepository::insert(const Identity& identity) {
  uow_.beginWrite();
  Identity stored = identity;
  stored.id = Query(uow_,
                    "INSERT INTO identities (integration_id, user_id, external_id, credentials, created_at)"
                    " VALUES (?, ?, ?, ?, ?) RETURNING id")
                  .bind(identity.integrationId)
                  .bind(identity.userId)
                  .bind(identity.externalId)
                  .bind(identity.credentialsJson)
                  .bind(identity.createdAt)
                  .scalarInt64();
  return stored;
}

std::optional<Identity> IdentityRepository::findById(int64_t id) {
  auto row = Query(uow_, std::string(kIdentitySelect) + " WHERE id = ?").bind(id).one();
  if (!row) return std::nullopt;
  return identityFromRow(*row);
}

std::optional<Identity> IdentityRepository::findForUser(int64_t integrationId, std::optional<int64_t> userId) {
  std::optional<Row> row;
  if (userId) {
    row = Query(uow_, std::string(kIdentitySelect) + " WHERE integration_id = ? AND user_id = ? ORDER BY id LIMIT 1")
              .bind(integrationId)
              .bind(*userId)
              .one();
  } else {
    row =
        Query(uow_, std::string(kIdentitySelect) + " WHERE integration_id = ? AND user_id IS NULL ORDER BY id LIMIT 1")
            .bind(integrationId)
            .one();
  }
  if (!row) return std::nullopt;
  return identityFromRow(*row);
}

std::optional<Identity> IdentityRepository::latestForIntegration(int64_t integrationId) {
  auto row =
      Query(uow_, std::string(kIdentitySelect) + " WHERE integration_id = ? ORDER BY created_at DESC, id DESC LIMIT 1")
          .bind(integrationId)
          .one();
  if (!row) return std::nullopt;
  return identityFromRow(*row);
}

void IdentityRepository::updateCredentials(int64_t id, const std::string& sealedCredentials,
                                           const std::string& externalId) {
  uow_.beginWrite();
  Query(uow_, "UPDATE identities SET credentials = ?, external_id = ? WHERE id = ?")
      .bind(sealedCredentials)
      .bind(externalId)
      .bind(id)
      .execute();
}

// --- organization links ------------------------------------------------------

OrgIntegration OrgIntegrationRepository::insert(const OrgIntegration& link) {
  uow_.beginWrite();
  ExternalIssueRepository(uow_).forgetIssueLinks();
  OrgIntegration stored = link;
  stored.id = Query(uow_,
                    "INSERT INTO org_integrations (organization_id, integration_id, config, default_identity_id,"
                    " status, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
                  .bind(link.organizationId)
                  .bind(link.integrationId)
                  .bind(link.configJson)
                  .bind(link.defaultIdentityId)
                  .bind(toString(link.status))
                  .bind(link.createdAt)
                  .scalarInt64();
  return stored;
}

std::optional<OrgIntegration> OrgIntegrationRepository::find(int64_t organizationId, int64_t integrationId) {
  auto row = Query(uow_, std::string(kLinkSelect) + " WHERE organization_id = ? AND integration_id = ?")
                 .bind(organizationId)
                 .bind(integrationId)
                 .one();
  if (!row) return std::nullopt;
  return linkFromRow(*row);
}

std::vector<OrgIntegration> OrgIntegrationRepository::listForOrganization(int64_t organizationId) {
  return linksFrom(Query(uow_, std::string(kLinkSelect) + " WHERE organization_id = ? ORDER BY integration_id")
                       .bind(organizationId)
                       .rows());
}

std::vector<OrgIntegration> OrgIntegrationRepository::listForIntegration(int64_t integrationId) {
  return linksFrom(Query(uow_, std::string(kLinkSelect) + " WHERE integration_id = ? ORDER BY organization_id")
                       .bind(integrationId)
                       .rows());
}

std::vector<OrgIntegration> OrgIntegrationRepository::listAll() {
  return linksFrom(Query(uow_, std::string(kLinkSelect) + " ORDER BY organization_id, integration_id").rows());
}

bool OrgIntegrationRepository::claimPeriodicReconcile(int64_t linkId, int64_t now, int64_t startedAfter) {
  uow_.beginWrite();
  Query claim(uow_, "UPDATE org_integrations SET reconcile_started_at = ? WHERE id = ? AND reconcile_started_at < ?");
  claim.bind(now).bind(linkId).bind(startedAfter);
  return claim.execute() == 1;  // 0: started at or after `startedAfter` already
}

void OrgIntegrationRepository::updateConfig(int64_t linkId, const std::string& configJson) {
  uow_.beginWrite();
  Query(uow_, "UPDATE org_integrations SET config = ? WHERE id = ?").bind(configJson).bind(linkId).execute();
}

void OrgIntegrationRepository::remove(int64_t linkId) {
  uow_.beginWrite();
  ExternalIssueRepository(uow_).forgetIssueLinks();
  Query(uow_, "DELETE FROM org_integrations WHERE id = ?").bind(linkId).execute();
}

}  // namespace ih::host::storage
