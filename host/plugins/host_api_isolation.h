// host/plugins/host_api_isolation.h - the isolation rules of the host table.
//
// A plugin only ever sees integrations whose provider is its own key. A
// service that names an organization needs that organization to have the
// plugin enabled and to link an integration of this provider; when it also
// names an integration, the organization must link that very integration.
// Violations throw NotFoundError (an integration that is not the plugin's is
// "not visible") or ForbiddenError.
#pragma once

#include <cstdint>
#include <optional>

#include "host_call_context.h"
#include "storage/records.h"

namespace ih::host::plugins::api {

// The plugin's own integration, or NotFoundError.
storage::Integration ownIntegration(ihp_host_ctx& ctx, int64_t integrationId);
// The organization has the plugin enabled and links one of its integrations.
void requireOrganization(ihp_host_ctx& ctx, int64_t organizationId);
// The organization has the plugin enabled and links this (own) integration.
void requireOrganizationLink(ihp_host_ctx& ctx, int64_t organizationId, int64_t integrationId);
// The organization's external issue belongs to one of the plugin's own
// integrations that the organization links (else NotFoundError/ForbiddenError).
void requireOwnExternalIssue(ihp_host_ctx& ctx, int64_t organizationId, int64_t externalIssueId);
// A change's source integration: 0 = none, else one of the plugin's own.
std::optional<int64_t> sourceIntegration(ihp_host_ctx& ctx, int64_t integrationId);

}  // namespace ih::host::plugins::api
