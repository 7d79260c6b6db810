// host/plugins/plugin_registry.cpp - see plugin_registry.h.
#include "plugins/plugin_registry.h"

#include <Poco/Logger.h>

#include <algorithm>
#include <filesystem>

#include "ops/metrics.h"
#include "plugins/host_services.h"
#include "plugins/plugin_loader.h"

namespace ih::host::plugins {

namespace {

Poco::Logger& registryLogger() { return Poco::Logger::get("plugins"); }

// The *.so entries of one directory, absolute, sorted by name: files, links
// (dangling or looping ones too: the loader says why they do not load), but
// not directories. Never throws for an entry: one bad entry must not keep
// the others from loading.
std::vector<std::string> pluginFiles(const std::filesystem::path& directory) {
  std::vector<std::string> files;
  std::error_code error;
  for (std::filesystem::directory_iterator it(directory, error), end; !error && it != end; it.increment(error)) {
    const std::filesystem::path& path = it->path();
    std::error_code kind;
    if (path.extension() != ".so" || it->is_directory(kind)) continue;
    files.push_back(std::filesystem::absolute(path).lexically_normal().string());
  }
  if (error) registryLogger().error("reading plugins directory %s stopped: %s", directory.string(), error.message());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

PluginRegistry::PluginRegistry(HostServices& services, PluginCallPolicy policy)
    : PluginRegistry(services, HostAbiVersion{}, policy) {}

PluginRegistry::PluginRegistry(HostServices& services, HostAbiVersion hostVersion, PluginCallPolicy policy)
    : services_(services),
      calls_(std::make_unique<PluginCallExecutor>(services.metrics, policy)),
      loader_(std::make_unique<PluginLoader>(services, *calls_, hostVersion)) {
  services_.metrics.describe("ih_plugin_calls_total", "Plugin hook calls by plugin, hook and status");
  services_.metrics.describe("ih_plugin_call_duration_seconds_total", "Seconds spent in plugin hooks");
  services_.metrics.describe("ih_plugin_http_requests_total", "Outbound HTTP requests made for plugins");
}

PluginRegistry::~PluginRegistry() {
  calls_->stop(std::chrono::milliseconds(0));
  // Reverse load order, like destructors; each plugin's shutdown runs once.
  while (!plugins_.empty()) plugins_.pop_back();
}

int PluginRegistry::stopCalls(std::chrono::milliseconds grace) { return calls_->stop(grace); }

size_t PluginRegistry::loadDirectory(const std::string& directory) {
  std::error_code error;
  if (!std::filesystem::is_directory(directory, error)) {
    registryLogger().error("plugins directory %s does not exist; no plugins loaded", directory);
    return 0;
  }
  size_t loaded = 0;
  for (const std::string& path : pluginFiles(directory)) {
    if (loadFile(path)) ++loaded;
  }
  return loaded;
}

bool PluginRegistry::loadFile(const std::string& path) {
  routing::RouteTable table;
  LoadOutcome outcome = loader_->load(path, [this, &table](const PluginInfo& info) {
    std::string reason;
    return tableWith(info, table, reason) ? std::string() : reason;
  });
  if (outcome.plugin) {
    addRoutes(*outcome.plugin, std::move(table));
    const PluginInfo& info = outcome.plugin->info();
    registryLogger().information("plugin %s %s loaded from %s (ABI %s)", info.key, info.version, info.path, info.abiVersion);
    plugins_.push_back(std::move(outcome.plugin));
    return true;
  }
  if (!outcome.sameFileAs.empty()) {
    registryLogger().information("plugin %s is the same file as %s; loaded once", path, outcome.sameFileAs);
    return false;
  }
  registryLogger().error("plugin %s skipped: %s", path, outcome.reason);
  failures_.push_back(LoadFailure{path, outcome.reason});
  return false;
}

std::vector<LoadedPlugin*> PluginRegistry::plugins() const {
  std::vector<LoadedPlugin*> out;
  out.reserve(plugins_.size());
  for (const auto& plugin : plugins_) out.push_back(plugin.get());
  return out;
}

LoadedPlugin* PluginRegistry::find(std::string_view key) const {
  for (const auto& plugin : plugins_) {
    if (plugin->info().key == key) return plugin.get();
  }
  return nullptr;
}

bool PluginRegistry::tableWith(const PluginInfo& info, routing::RouteTable& table, std::string& reason) const {
  table = routeTable_;
  try {
    for (const auto& route : info.routes) table.add(route.method, route.pathPattern);
  } catch (const std::invalid_argument& e) {
    reason = e.what();
    return false;
  }
  return true;
}

void PluginRegistry::addRoutes(LoadedPlugin& plugin, routing::RouteTable table) {
  for (size_t i = 0; i < plugin.info().routes.size(); ++i) routeTargets_.push_back(RouteTarget{&plugin, i});
  routeTable_ = std::move(table);
}

std::optional<RouteMatch> PluginRegistry::matchRoute(std::string_view method, std::string_view path) const {
  // A plugin path with another method stays a 404, as plugin routes always answered.
  routing::RouteMatch found = routeTable_.match(method, path);
  if (found.kind != routing::RouteMatch::Kind::Found) return std::nullopt;
  const RouteTarget& target = routeTargets_[found.index];
  return RouteMatch{target.plugin, target.routeIndex, std::move(found.params)};
}

}  // namespace ih::host::plugins
