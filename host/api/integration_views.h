// host/api/integration_views.h - an organization's integrations as the API
// shows them: the stored config goes through the plugin's config_view hook
// (the stored config itself when the plugin has none or is not loaded).
#pragma once

#include <string>

#include "api/api_call.h"
#include "api/serializers.h"
#include "domain/integration_service.h"

namespace ih::host::api {

std::string viewConfig(ApiCall& call, const domain::OrgIntegrationView& view);
void writeIntegrationView(ApiCall& call, JsonBuilder& b, const domain::OrgIntegrationView& view);

}  // namespace ih::host::api
