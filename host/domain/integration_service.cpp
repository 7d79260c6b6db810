// host/domain/integration_service.cpp - see integration_service.h.
#include "domain/integration_service.h"

#include <Poco/Logger.h>

#include "common/errors.h"
#include "common/json_merge.h"
#include "common/strings.h"
#include "domain/sealed_metadata.h"
#include "domain/validation.h"
#include "ihp/sdk/json.hpp"
#include "storage/directory_repositories.h"
#include "storage/external_issue_repository.h"
#include "storage/integration_repositories.h"
#include "storage/issue_repositories.h"
#include "storage/job_repository.h"
#include "ihp/sdk/utf8.hpp"

namespace ih::host::domain {

namespace json = ihp::sdk::json;
using storage::IntegrationStatus;
using storage::UnitOfWork;
using Kind = LookupCache::Kind;

namespace {

constexpr size_t kMaxExternalId = 64;
constexpr const char* kUninstallKind = "integration.uninstall";
// How far ahead of our clock an inbound event may be dated (clock drift).
constexpr int64_t kMaxFutureSkewMs = 24LL * 60 * 60 * 1000;

Poco::Logger& integrationsLogger() { return Poco::Logger::get("ih.domain.integrations"); }

storage::OrgIntegration requireLink(UnitOfWork& uow, int64_t organizationId, int64_t integrationId) {
  auto link = storage::OrgIntegrationRepository(uow).find(organizationId, integrationId);
  if (!link) throw NotFoundError();
  return *link;
}

// The record as callers use it: metadata opened (it is sealed at rest).
std::optional<storage::Integration> withOpenMetadata(std::optional<storage::Integration> integration,
                                                     const auth::SecretBox& secrets) {
  if (integration) integration->metadataJson = openMetadata(secrets, integration->metadataJson);
  return integration;
}

void requireJsonObject(const std::string& field, const std::string& text) {
  if (!isJsonObject(text)) throw ValidationError(field, "Expected a JSON object.");
}

}  // namespace

IntegrationService::IntegrationService(const Clock& clock, const auth::SecretBox& secrets, jobs::JobQueue& jobs,
                                       LookupCache* lookupCache)
    : clock_(clock), secrets_(secrets), jobs_(jobs), lookupCache_(lookupCache) {}

// --- plugin enablement -------------------------------------------------------

bool IntegrationService::pluginEnabled(UnitOfWork& uow, int64_t organizationId, std::string_view pluginKey) {
  // Only "enabled" is kept: a miss (nullopt) is read again next time.
  return cached<bool>(uow, {Kind::PluginEnabled, organizationId, 0, std::string(pluginKey), ""},
                      [&]() -> std::optional<bool> {
                        if (storage::PluginEnablementRepository(uow).isEnabled(organizationId, pluginKey)) return true;
                        return std::nullopt;
                      })
      .has_value();
}

void IntegrationService::setPluginEnabled(UnitOfWork& uow, int64_t organizationId, std::string_view pluginKey,
                                          bool enabled) {
  if (!storage::OrganizationRepository(uow).findById(organizationId)) throw NotFoundError();
  // A switch-off must stop this plugin's calls for the org at once, on every host.
  LookupCache::noteChange(uow, lookupCache_);
  storage::PluginEnablementRepository(uow).set(organizationId, pluginKey, enabled, clock_.nowMs());
}

// --- installation ------------------------------------------------------------

OrgIntegrationView IntegrationService::install(UnitOfWork& uow, int64_t organizationId, std::optional<int64_t> userId,
                                               const InstallSpec& spec) {
  FieldErrors errors;
  if (spec.provider.empty()) errors.add("provider", "This field is required.");
  if (spec.externalId.empty()) {
    errors.add("externalId", "This field is required.");
  } else if (ihp::sdk::utf8::codePoints(spec.externalId) > kMaxExternalId) {
    errors.add("externalId", "Ensure this field has no more than 64 characters.");
  }
  errors.requireName("name", spec.name);
  if (!isJsonObject(spec.metadataJson)) errors.add("metadata", "Expected a JSON object.");
  if (!isJsonObject(spec.credentialsJson)) errors.add("credentials", "Expected a JSON object.");
  errors.throwIfAny();
  if (!storage::OrganizationRepository(uow).findById(organizationId)) throw NotFoundError();

  uow.beginWrite();
  LookupCache::noteChange(uow, lookupCache_);
  const int64_t now = clock_.nowMs();
  storage::IntegrationRepository integrations(uow);
  auto integration = integrations.findByExternalId(spec.provider, spec.externalId);
  if (integration) {
    if (integration->status == IntegrationStatus::PendingDeletion) {
      // Reinstalled before the uninstall ran: that uninstall must not run.
      storage::JobRepository(uow).cancelPending("", kUninstallKind, integration->id,
                                                "cancelled: the integration was installed again", now);
    }
    integrations.update(integration->id, spec.name, sealMetadata(secrets_, spec.metadataJson),
                        IntegrationStatus::Active);
    integration->name = spec.name;
    integration->metadataJson = spec.metadataJson;
    integration->status = IntegrationStatus::Active;
  } else {
    storage::Integration fresh;
    fresh.provider = spec.provider;
    fresh.externalId = spec.externalId;
    fresh.name = spec.name;
    fresh.metadataJson = sealMetadata(secrets_, spec.metadataJson);
    fresh.status = IntegrationStatus::Active;
    fresh.createdAt = now;
    integration = integrations.insert(fresh);
    integration->metadataJson = spec.metadataJson;
  }

  // One identity per (integration, installing user): a reinstall refreshes it.
  storage::IdentityRepository identities(uow);
  const std::string sealed = secrets_.seal(spec.credentialsJson);
  auto identity = identities.findForUser(integration->id, userId);
  if (identity) {
    identities.updateCredentials(identity->id, sealed, spec.externalId);
  } else {
    storage::Identity fresh;
    fresh.integrationId = integration->id;
    fresh.userId = userId;
    fresh.externalId = spec.externalId;
    fresh.credentialsJson = sealed;
    fresh.createdAt = now;
    identity = identities.insert(fresh);
  }

  storage::OrgIntegrationRepository links(uow);
  auto link = links.find(organizationId, integration->id);
  if (!link) {
    storage::OrgIntegration fresh;
    fresh.organizationId = organizationId;
    fresh.integrationId = integration->id;
    fresh.configJson = "{}";  // every sync option off
    fresh.defaultIdentityId = identity->id;
    fresh.status = IntegrationStatus::Active;
    fresh.createdAt = now;
    link = links.insert(fresh);
  }
  return OrgIntegrationView{*integration, *link};
}

// --- the organization's view ---------------------------------------------------

std::vector<OrgIntegrationView> IntegrationService::listForOrganization(UnitOfWork& uow, int64_t organizationId) {
  std::vector<OrgIntegrationView> views;
  const auto links = cached<std::vector<storage::OrgIntegration>>(
      uow, {Kind::LinksOfOrganization, organizationId, 0, "", ""},
      [&]() -> std::optional<std::vector<storage::OrgIntegration>> {
        auto found = storage::OrgIntegrationRepository(uow).listForOrganization(organizationId);
        if (found.empty()) return std::nullopt;
        return found;
      });
  if (!links) return views;
  for (const auto& link : *links) {
    if (auto integration = integrationById(uow, link.integrationId)) {
      views.push_back({*integration, link});
    }
  }
  return views;
}

OrgIntegrationView IntegrationService::getForOrganization(UnitOfWork& uow, int64_t organizationId,
                                                          int64_t integrationId) {
  const auto link = orgLink(uow, organizationId, integrationId);
  if (!link) throw NotFoundError();
  auto integration = integrationById(uow, integrationId);
  if (!integration) throw NotFoundError();
  return OrgIntegrationView{*integration, *link};
}

void IntegrationService::replaceConfig(UnitOfWork& uow, int64_t organizationId, int64_t integrationId,
                                       const std::string& configJson) {
  requireJsonObject("config", configJson);
  uow.beginWrite();
  LookupCache::noteChange(uow, lookupCache_);
  const auto link = requireLink(uow, organizationId, integrationId);
  storage::OrgIntegrationRepository(uow).updateConfig(link.id, configJson);
}

void IntegrationService::mergeConfig(UnitOfWork& uow, int64_t organizationId, int64_t integrationId,
                                     const std::string& patchJson) {
  requireJsonObject("config", patchJson);
  uow.beginWrite();  // read-modify-write
  LookupCache::noteChange(uow, lookupCache_);
  const auto link = requireLink(uow, organizationId, integrationId);
  storage::OrgIntegrationRepository(uow).updateConfig(link.id, shallowMergeJson(link.configJson, patchJson));
}

bool IntegrationService::unlink(UnitOfWork& uow, int64_t organizationId, int64_t integrationId) {
  uow.beginWrite();
  LookupCache::noteChange(uow, lookupCache_);
  const auto link = requireLink(uow, organizationId, integrationId);
  storage::OrgIntegrationRepository links(uow);
  links.remove(link.id);
  // The org's tickets of this integration go with the link, so inbound
  // webhooks no longer reach its issues.
  storage::ExternalIssueRepository(uow).removeForOrganization(organizationId, integrationId);
  if (!links.listForIntegration(integrationId).empty()) return false;

  storage::IntegrationRepository integrations(uow);
  auto integration = integrations.findById(integrationId);
  if (!integration) return false;
  integrations.setStatus(integrationId, IntegrationStatus::PendingDeletion);
  json::JsonBuilder payload;
  payload.beginObject().field("integrationId", integrationId).field("provider", integration->provider).endObject();
  jobs::JobRequest request;
  request.pluginKey = "";  // a host job: its runner calls the plugin's uninstall, then remove()
  request.kind = kUninstallKind;
  request.payloadJson = payload.str();
  request.orderingKey = "integration:" + std::to_string(integrationId);
  request.integrationId = integrationId;
  jobs_.enqueue(uow, request);
  integrationsLogger().information("integration " + std::to_string(integrationId) + " (" + integration->provider +
                       ") lost its last organization; uninstall queued");
  return true;
}

void IntegrationService::remove(UnitOfWork& uow, int64_t integrationId) {
  storage::IntegrationRepository(uow).remove(integrationId);
  LookupCache::noteChange(uow, lookupCache_);
}

// --- plugin-facing -----------------------------------------------------------

std::optional<storage::Integration> IntegrationService::findByExternalId(UnitOfWork& uow, std::string_view provider,
                                                                         std::string_view externalId,
                                                                         int64_t organizationId) {
  // Returned whatever its status (pending_deletion included): the plugin
  // decides, as the ABI documents.
  // The cache keeps the opened record, so a cached delivery skips the unseal too.
  return cached<storage::Integration>(
      uow, {Kind::IntegrationByExternalId, organizationId, 0, std::string(provider), std::string(externalId)}, [&] {
        return withOpenMetadata(storage::IntegrationRepository(uow).findByExternalId(provider, externalId), secrets_);
      });
}

std::optional<storage::Integration> IntegrationService::integrationById(UnitOfWork& uow, int64_t integrationId) {
  return cached<storage::Integration>(uow, {Kind::IntegrationById, 0, integrationId, "", ""}, [&] {
    return withOpenMetadata(storage::IntegrationRepository(uow).findById(integrationId), secrets_);
  });
}

std::optional<storage::OrgIntegration> IntegrationService::orgLink(UnitOfWork& uow, int64_t organizationId,
                                                                   int64_t integrationId) {
  return cached<storage::OrgIntegration>(uow, {Kind::OrgLink, organizationId, integrationId, "", ""}, [&] {
    return storage::OrgIntegrationRepository(uow).find(organizationId, integrationId);
  });
}

std::optional<storage::Integration> IntegrationService::find(UnitOfWork& uow, std::string_view provider,
                                                             int64_t integrationId) {
  // Kept whatever its provider; the provider is checked on every answer.
  auto integration = integrationById(uow, integrationId);
  if (!integration || integration->provider != provider) return std::nullopt;
  return integration;
}

void IntegrationService::mergeMetadata(UnitOfWork& uow, int64_t integrationId, const std::string& patchJson) {
  requireJsonObject("metadata", patchJson);
  uow.beginWrite();
  LookupCache::noteChange(uow, lookupCache_);
  storage::IntegrationRepository integrations(uow);
  auto integration = integrations.findById(integrationId);
  if (!integration) throw NotFoundError();
  const std::string merged = shallowMergeJson(openMetadata(secrets_, integration->metadataJson), patchJson);
  integrations.setMetadata(integrationId, sealMetadata(secrets_, merged));
}

std::vector<OrgLinkInfo> IntegrationService::orgLinks(UnitOfWork& uow, int64_t integrationId) {
  auto infos = cached<std::vector<OrgLinkInfo>>(
      uow, {Kind::LinksOfIntegration, 0, integrationId, "", ""}, [&]() -> std::optional<std::vector<OrgLinkInfo>> {
        auto integration = storage::IntegrationRepository(uow).findById(integrationId);
        if (!integration) return std::nullopt;
        std::vector<OrgLinkInfo> found;
        storage::PluginEnablementRepository enablement(uow);
        for (const auto& link : storage::OrgIntegrationRepository(uow).listForIntegration(integrationId)) {
          found.push_back(OrgLinkInfo{link.organizationId,
                                      enablement.isEnabled(link.organizationId, integration->provider), link.status,
                                      link.configJson});
        }
        if (found.empty()) return std::nullopt;
        return found;
      });
  return infos.value_or(std::vector<OrgLinkInfo>{});
}

std::optional<std::string> IntegrationService::credentials(UnitOfWork& uow, int64_t integrationId,
                                                           int64_t organizationId) {
  storage::IdentityRepository identities(uow);
  std::optional<storage::Identity> identity;
  if (organizationId == 0) {
    identity = identities.latestForIntegration(integrationId);
  } else {
    auto link = orgLink(uow, organizationId, integrationId);
    if (link && link->defaultIdentityId) identity = identities.findById(*link->defaultIdentityId);
  }
  if (!identity) return std::nullopt;
  return secrets_.open(identity->credentialsJson);
}

// --- external issues -----------------------------------------------------------

storage::ExternalIssue IntegrationService::linkExternalIssue(UnitOfWork& uow, int64_t organizationId,
                                                             int64_t integrationId, int64_t issueId,
                                                             const std::string& key, const std::string& title,
                                                             const std::string& description, const std::string& url) {
  if (trim(key).empty()) throw ValidationError("externalIssue", "This field is required.");
  uow.beginWrite();
  requireLink(uow, organizationId, integrationId);
  if (!storage::IssueRepository(uow).find(organizationId, issueId)) throw NotFoundError();
  storage::ExternalIssueRepository externals(uow);
  auto external = externals.upsert(organizationId, integrationId, key, title, description, url, clock_.nowMs());
  externals.linkIssue(issueId, external.id);
  return external;
}

namespace {
std::vector<LinkedIssue> toLinkedIssues(const std::vector<storage::LinkedIssueRow>& rows) {
  std::vector<LinkedIssue> linked;
  for (const auto& row : rows) {
    linked.push_back(LinkedIssue{row.organizationId, row.issueId, row.projectId, row.externalIssueId, row.status,
                                 row.assigneeUserId});
  }
  return linked;
}
}  // namespace

std::vector<LinkedIssue> IntegrationService::linkedIssues(UnitOfWork& uow, int64_t integrationId,
                                                          std::string_view key) {
  return toLinkedIssues(storage::ExternalIssueRepository(uow).linkedIssues(integrationId, key));
}

std::vector<LinkedIssue> IntegrationService::lockedLinkedIssues(UnitOfWork& uow, int64_t integrationId,
                                                                std::string_view key,
                                                                std::string_view jobsOrderingKey) {
  return toLinkedIssues(storage::ExternalIssueRepository(uow).lockedLinkedIssues(integrationId, key, jobsOrderingKey));
}

WatermarkResult IntegrationService::advanceWatermark(UnitOfWork& uow, int64_t organizationId, int64_t integrationId,
                                                     std::string_view key, WatermarkKind kind, int64_t eventTimeMs) {
  if (eventTimeMs > clock_.nowMs() + kMaxFutureSkewMs) {
    integrationsLogger().warning("watermark refused: an event of " + std::string(key) + " (integration " +
                                 std::to_string(integrationId) + ") is dated more than a day ahead of the host's clock");
    throw BadRequestError("The event time lies more than a day in the future.");
  }
  // Compare-and-set in one UPDATE inside the write transaction: two
  // deliveries racing for the same ticket cannot both win.
  uow.beginWrite();
  storage::ExternalIssueRepository externals(uow);
  const bool advanced = kind == WatermarkKind::Assignee
                            ? externals.advanceAssigneeWatermark(organizationId, integrationId, key, eventTimeMs)
                            : externals.advanceStatusWatermark(organizationId, integrationId, key, eventTimeMs);
  if (advanced) return WatermarkResult::Advanced;
  return externals.findByKey(organizationId, integrationId, key) ? WatermarkResult::Stale : WatermarkResult::NotLinked;
}

void IntegrationService::linkCommentExternal(UnitOfWork& uow, int64_t organizationId, int64_t commentId,
                                             int64_t externalIssueId, const std::string& externalCommentId) {
  uow.beginWrite();
  storage::ExternalIssueRepository externals(uow);
  auto external = externals.findById(organizationId, externalIssueId);
  if (!external) throw NotFoundError();
  // The comment must belong to an issue of the same organization.
  auto issueLinks = externals.issueLinks(external->integrationId, external->key, organizationId);
  bool found = false;
  for (const auto& link : issueLinks) {
    if (storage::CommentRepository(uow).find(organizationId, link.issueId, commentId)) found = true;
  }
  if (!found) throw NotFoundError();
  externals.upsertCommentLink(commentId, externalIssueId, externalCommentId);
}

std::optional<storage::ExternalIssue> IntegrationService::findExternalIssue(UnitOfWork& uow, int64_t organizationId,
                                                                          int64_t externalIssueId) {
  return storage::ExternalIssueRepository(uow).findById(organizationId, externalIssueId);
}

std::optional<std::string> IntegrationService::externalCommentId(UnitOfWork& uow, int64_t commentId,
                                                                 int64_t externalIssueId) {
  return storage::ExternalIssueRepository(uow).externalCommentId(commentId, externalIssueId);
}

int IntegrationService::rekeyExternalIssues(UnitOfWork& uow, int64_t integrationId, std::string_view oldKey,
                                            std::string_view newKey) {
  if (oldKey.empty() || newKey.empty()) throw ValidationError("key", "Both the old and the new key are required.");
  if (oldKey == newKey) return 0;
  return static_cast<int>(storage::ExternalIssueRepository(uow).renameKey(integrationId, oldKey, newKey));
}

void IntegrationService::markExternalIssueGone(UnitOfWork& uow, int64_t organizationId, int64_t externalIssueId,
                                               const std::string& reason) {
  storage::ExternalIssueRepository externals(uow);
  if (!externals.findById(organizationId, externalIssueId)) throw NotFoundError();
  externals.markGone(externalIssueId, reason.empty() ? "gone" : reason);
}

}  // namespace ih::host::domain
