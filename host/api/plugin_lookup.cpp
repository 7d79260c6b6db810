#include "api/plugin_lookup.h"

#include "common/errors.h"
#include "plugins/plugin_registry.h"

namespace ih::host::api {

plugins::LoadedPlugin& requirePlugin(ApiServices& services, std::string_view key) {
  plugins::LoadedPlugin* plugin = services.plugins.find(key);
  if (plugin == nullptr) throw NotFoundError("The requested plugin does not exist");
  return *plugin;
}

std::string providerName(ApiServices& services, std::string_view key) {
  plugins::LoadedPlugin* plugin = services.plugins.find(key);
  return plugin != nullptr ? plugin->info().name : std::string(key);
}

}  // namespace ih::host::api
