// host/plugins/plugin_registry.h - the loaded plugins, by key, and the
// plugin-served HTTP routes.
//
// loadDirectory() scans a directory for *.so at start-up (absolute paths,
// sorted by name) and loads each through PluginLoader. Any file that fails
// to load - not an ELF shared object, truncated, a dangling link or a symlink
// loop, or a plugin that fails a check - is skipped with one precise log line,
// and the others keep loading. Plugins are never unloaded while the host
// runs. The registry owns the executor every hook call runs on, under the
// policy's deadline (plugin_call_executor.h). After start-up the registry is
// read-only, hence thread-safe.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "plugins/abi_negotiation.h"
#include "plugins/loaded_plugin.h"
#include "plugins/plugin_call_executor.h"
#include "routing/route_table.h"

namespace ih::host::plugins {

struct HostServices;
class PluginLoader;

struct LoadFailure {
  std::string path;
  std::string reason;  // the one-line rejection, e.g. "ABI major 2 not supported (host 1)"
};

struct RouteMatch {
  LoadedPlugin* plugin = nullptr;
  size_t routeIndex = 0;
  std::vector<std::pair<std::string, std::string>> pathParams;
};

class PluginRegistry {
 public:
  explicit PluginRegistry(HostServices& services, PluginCallPolicy policy = {});
  // For tests: a host claiming another ABI version.
  PluginRegistry(HostServices& services, HostAbiVersion hostVersion, PluginCallPolicy policy = {});
  ~PluginRegistry();  // shuts the plugins down (their libraries stay mapped)

  // Stops taking hook calls and waits up to `grace` for the running ones;
  // answers how many abandoned calls are still inside plugin code.
  int stopCalls(std::chrono::milliseconds grace);
  const PluginCallExecutor& calls() const { return *calls_; }

  // Returns the number of plugins loaded; failures are logged and kept.
  size_t loadDirectory(const std::string& directory);
  // Loads one file; true when it was loaded. A rejection is logged as one
  // line ("plugin <path> skipped: <reason>") and kept in failures().
  bool loadFile(const std::string& path);
  const std::vector<LoadFailure>& failures() const { return failures_; }

  std::vector<LoadedPlugin*> plugins() const;
  LoadedPlugin* find(std::string_view key) const;
  // The plugin route matching method + path (path without query), if any,
  // by the project's one route matcher (routing/route_table.h).
  std::optional<RouteMatch> matchRoute(std::string_view method, std::string_view path) const;

 private:
  struct RouteTarget {
    LoadedPlugin* plugin;
    size_t routeIndex;
  };
  // Adds a loaded plugin's routes; false (and why) when one duplicates a route already served.
  // The route table with `info`'s routes added, or false and why (all or
  // nothing: a plugin whose route another plugin already serves is skipped
  // whole, so no path quietly reaches the wrong plugin).
  bool tableWith(const PluginInfo& info, routing::RouteTable& table, std::string& reason) const;
  void addRoutes(LoadedPlugin& plugin, routing::RouteTable table);

  HostServices& services_;
  std::unique_ptr<PluginCallExecutor> calls_;  // outlives the plugins (declared first)
  std::unique_ptr<PluginLoader> loader_;
  std::vector<std::unique_ptr<LoadedPlugin>> plugins_;
  std::vector<LoadFailure> failures_;
  routing::RouteTable routeTable_;
  std::vector<RouteTarget> routeTargets_;  // by routeTable_ index
};

}  // namespace ih::host::plugins
