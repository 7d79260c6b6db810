// host/plugins/host_api_integrations.cpp - ihp_host_api: integration
// records, org links, credentials and org config. Only the plugin's own
// integrations are visible (host_api_isolation.h).
#include "common/errors.h"
#include "domain/integration_service.h"
#include "ihp/sdk/json.hpp"
#include "plugins/host_api_guard.h"
#include "plugins/host_api_isolation.h"
#include "plugins/host_api_services.h"
#include "plugins/host_json.h"
#include "plugins/host_services.h"

namespace ih::host::plugins::api {

namespace {

// A JSON object patch, validated before it reaches a service.
std::string objectPatch(ihp_str raw, const char* what) {
  std::string patch(text(raw, what));
  ihp::sdk::json::Document doc;
  if (!ihp::sdk::json::parseObject(patch, doc)) throw AbiViolation(std::string(what) + " is not a JSON object");
  return patch;
}

domain::IntegrationService& integrations(ihp_host_ctx& ctx) { return ctx.services->integrations; }

ihp_status integrationFind(ihp_host_ctx* ctx, ihp_str externalId, const ihp_sink* integrationOut) {
  return guarded(ctx, "integration_find", [&] {
    ihp_host_ctx& c = context(ctx);
    SinkWriter out(integrationOut, "integration_out");
    auto found = integrations(c).findByExternalId(unitOfWork(c), c.plugin->key, requiredText(externalId, "external_id"),
                                                  c.organizationId);
    if (!found || found->provider != c.plugin->key) return IHP_E_NOT_FOUND;
    out.write(json_out::integration(*found));
    return IHP_OK;
  });
}

ihp_status integrationGet(ihp_host_ctx* ctx, int64_t integrationId, const ihp_sink* integrationOut) {
  return guarded(ctx, "integration_get", [&] {
    ihp_host_ctx& c = context(ctx);
    SinkWriter out(integrationOut, "integration_out");
    out.write(json_out::integration(ownIntegration(c, integrationId)));
    return IHP_OK;
  });
}

ihp_status integrationMergeMetadata(ihp_host_ctx* ctx, int64_t integrationId, ihp_str patchJson) {
  return guarded(ctx, "integration_merge_metadata", [&] {
    ihp_host_ctx& c = context(ctx);
    std::string patch = objectPatch(patchJson, "metadata_patch_json");
    ownIntegration(c, integrationId);
    integrations(c).mergeMetadata(unitOfWork(c), integrationId, patch);
    return IHP_OK;
  });
}

ihp_status orgLinksList(ihp_host_ctx* ctx, int64_t integrationId, const ihp_sink* linksOut) {
  return guarded(ctx, "org_links_list", [&] {
    ihp_host_ctx& c = context(ctx);
    SinkWriter out(linksOut, "links_out");
    ownIntegration(c, integrationId);
    out.write(json_out::orgLinks(integrations(c).orgLinks(unitOfWork(c), integrationId)));
    return IHP_OK;
  });
}

ihp_status credentialsGet(ihp_host_ctx* ctx, int64_t integrationId, int64_t organizationId,
                          const ihp_sink* credentialsOut) {
  return guarded(ctx, "credentials_get", [&] {
    ihp_host_ctx& c = context(ctx);
    SinkWriter out(credentialsOut, "credentials_out");
    ownIntegration(c, integrationId);
    // Organization 0 means "any identity" (uninstall runs after the last unlink).
    if (organizationId != 0) requireOrganizationLink(c, organizationId, integrationId);
    auto credentials = integrations(c).credentials(unitOfWork(c), integrationId, organizationId);
    if (!credentials) return IHP_E_NOT_FOUND;
    out.write(*credentials);
    return IHP_OK;
  });
}

ihp_status orgConfigMerge(ihp_host_ctx* ctx, int64_t organizationId, int64_t integrationId, ihp_str patchJson) {
  return guarded(ctx, "org_config_merge", [&] {
    ihp_host_ctx& c = context(ctx);
    std::string patch = objectPatch(patchJson, "config_patch_json");
    requireOrganizationLink(c, organizationId, integrationId);
    integrations(c).mergeConfig(unitOfWork(c), organizationId, integrationId, patch);
    return IHP_OK;
  });
}

}  // namespace

void installIntegrationServices(ihp_host_api& table) {
  table.integration_find = &integrationFind;
  table.integration_get = &integrationGet;
  table.integration_merge_metadata = &integrationMergeMetadata;
  table.org_links_list = &orgLinksList;
  table.credentials_get = &credentialsGet;
  table.org_config_merge = &orgConfigMerge;
}

}  // namespace ih::host::plugins::api
