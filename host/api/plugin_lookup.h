// host/api/plugin_lookup.h - finding loaded plugins by key for the API.
#pragma once

#include <string>
#include <string_view>

#include "api/api_services.h"
#include "plugins/loaded_plugin.h"

namespace ih::host::api {

// NotFoundError when no loaded plugin has this key.
plugins::LoadedPlugin& requirePlugin(ApiServices& services, std::string_view key);
// The plugin's display name, or the key when the plugin is not loaded.
std::string providerName(ApiServices& services, std::string_view key);

}  // namespace ih::host::api
