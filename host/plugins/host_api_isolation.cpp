// host/plugins/host_api_isolation.cpp - see host_api_isolation.h.
#include "plugins/host_api_isolation.h"

#include <algorithm>

#include "common/errors.h"
#include "domain/integration_service.h"
#include "plugins/host_api_guard.h"
#include "plugins/host_services.h"

namespace ih::host::plugins::api {

namespace {

void requireEnabled(ihp_host_ctx& ctx, int64_t organizationId) {
  if (organizationId <= 0) throw AbiViolation("organization_id is missing");
  if (!ctx.services->integrations.pluginEnabled(unitOfWork(ctx), organizationId, ctx.plugin->key))
    throw ForbiddenError("the plugin is not enabled for this organization");
}

}  // namespace

storage::Integration ownIntegration(ihp_host_ctx& ctx, int64_t integrationId) {
  if (integrationId <= 0) throw NotFoundError("integration not found");
  auto integration = ctx.services->integrations.find(unitOfWork(ctx), ctx.plugin->key, integrationId);
  if (!integration || integration->provider != ctx.plugin->key) throw NotFoundError("integration not found");
  return *integration;
}

void requireOrganization(ihp_host_ctx& ctx, int64_t organizationId) {
  requireEnabled(ctx, organizationId);
  auto views = ctx.services->integrations.listForOrganization(unitOfWork(ctx), organizationId);
  bool linked = std::any_of(views.begin(), views.end(), [&](const domain::OrgIntegrationView& view) {
    return view.integration.provider == ctx.plugin->key;
  });
  if (!linked) throw ForbiddenError("the organization links no integration of this plugin");
}

void requireOrganizationLink(ihp_host_ctx& ctx, int64_t organizationId, int64_t integrationId) {
  ownIntegration(ctx, integrationId);
  requireEnabled(ctx, organizationId);
  auto links = ctx.services->integrations.orgLinks(unitOfWork(ctx), integrationId);
  bool linked = std::any_of(links.begin(), links.end(),
                            [&](const domain::OrgLinkInfo& link) { return link.organizationId == organizationId; });
  if (!linked) throw ForbiddenError("the organization does not link this integration");
}

void requireOwnExternalIssue(ihp_host_ctx& ctx, int64_t organizationId, int64_t externalIssueId) {
  auto external = ctx.services->integrations.findExternalIssue(unitOfWork(ctx), organizationId, externalIssueId);
  if (!external) throw NotFoundError("no such external issue in the organization");
  requireOrganizationLink(ctx, organizationId, external->integrationId);
}

std::optional<int64_t> sourceIntegration(ihp_host_ctx& ctx, int64_t integrationId) {
  if (integrationId == 0) return std::nullopt;
  try {
    ownIntegration(ctx, integrationId);
  } catch (const NotFoundError&) {
    throw ForbiddenError("source_integration_id is not an integration of this plugin");
  }
  return integrationId;
}

}  // namespace ih::host::plugins::api
