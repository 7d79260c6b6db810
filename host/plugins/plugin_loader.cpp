// host/plugins/plugin_loader.cpp - see plugin_loader.h. Each numbered step
// matches the list in docs/abi.md ("Loading").
#include "plugins/plugin_loader.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <optional>

#include "plugins/descriptor_check.h"
#include "plugins/host_api_table.h"
#include "plugins/host_call_context.h"
#include "plugins/host_services.h"
#include "plugins/plugin_library.h"
#include "plugins/versioned_struct.h"
#include "storage/database.h"

namespace ih::host::plugins {

namespace {

std::optional<std::pair<uint64_t, uint64_t>> fileIdentity(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return std::nullopt;
  return std::make_pair(static_cast<uint64_t>(info.st_dev), static_cast<uint64_t>(info.st_ino));
}

// Step 3: the entry, called with everything filled in. A plugin that throws
// across the C ABI is caught here as defence in depth.
struct EntryCall {
  ihp_status status = IHP_OK;
  bool threw = false;
  ihp_entry_args args{};
};

EntryCall callEntry(ihp_entry_fn entry, HostAbiVersion host) {
  EntryCall call;
  call.args.struct_size = sizeof(ihp_entry_args);
  call.args.host_fingerprint = hostFingerprint(host);
  call.args.host_abi_major = host.major;
  call.args.host_abi_minor = host.minor;
  call.args.host_api = &hostApiTable();
  try {
    call.status = entry(&call.args);
  } catch (...) {
    call.threw = true;
  }
  return call;
}

std::string reportedVersions(const ihp_entry_args& args, HostAbiVersion host) {
  return "plugin reported ABI major " + std::to_string(args.plugin_abi_major) + ", minimum minor " +
         std::to_string(args.plugin_min_minor) + "; host " + std::to_string(host.major) + "." +
         std::to_string(host.minor);
}

// Step 9: init on this (main) thread in a fresh unit of work.
std::string runInit(const ihp_plugin_api& table, const PluginInfo& info, HostServices& services,
                    ihp_plugin*& instance) {
  auto uow = services.database.begin();
  CallScope scope{*uow};
  ihp_host_ctx ctx = makeHostContext(info, services, scope);
  ihp_status status = IHP_OK;
  try {
    status = table.init(&hostApiTable(), &ctx, &instance);
  } catch (...) {
    return "init threw an exception (plugins must not throw across the C ABI)";
  }
  if (status != IHP_OK) return "init failed: " + statusText(status);
  try {
    uow->commit();
  } catch (const std::exception&) {
    if (table.shutdown != nullptr) table.shutdown(instance);
    return "init's unit of work failed to commit";
  }
  return {};
}

}  // namespace

PluginLoader::PluginLoader(HostServices& services, PluginCallExecutor& calls, HostAbiVersion host)
    : services_(services), calls_(calls), host_(host) {}

LoadOutcome PluginLoader::fail(std::string reason) const {
  LoadOutcome outcome;
  outcome.reason = std::move(reason);
  return outcome;
}

LoadOutcome PluginLoader::load(const std::string& rawPath, const DescriptorCheck& refuse) {
  const std::string path = std::filesystem::absolute(rawPath).lexically_normal().string();
  auto identity = fileIdentity(path);
  if (identity) {
    auto seen = files_.find(*identity);
    if (seen != files_.end()) {
      LoadOutcome outcome;
      outcome.sameFileAs = seen->second;
      return outcome;
    }
  }

  // 1. The file checks (elf_check.h), then dlopen.
  std::string error;
  std::unique_ptr<PluginLibrary> library = PluginLibrary::open(path, error);
  if (!library) return fail(error);
  // 2. The entry symbol (checked, never assumed).
  if (!library->hasSymbol(IHP_ENTRY_SYMBOL)) return fail("missing entry symbol " IHP_ENTRY_SYMBOL);

  // From here on plugin code has run: the library stays mapped, even if rejected.
  struct Retain {
    std::unique_ptr<PluginLibrary>& library;
    ~Retain() { PluginLibrary::retainForever(std::move(library)); }
  } retain{library};

  // 3. The entry.
  EntryCall entry = callEntry(library->entry(), host_);
  if (entry.threw) return fail("entry threw an exception (plugins must not throw across the C ABI)");
  const ihp_entry_args& args = entry.args;
  if (entry.status != IHP_OK)
    return fail("entry refused: " + statusText(entry.status) + " (" + reportedVersions(args, host_) + ")");
  // 4. Versions, whatever the plugin answered.
  Negotiation negotiation =
      negotiateVersion(host_, PluginVersionReport{args.plugin_abi_major, args.plugin_min_minor, args.negotiated_minor});
  if (!negotiation.compatible) return fail(negotiation.reason);
  // 5. The plugin table: present, and big enough BEFORE any member is read.
  if (args.plugin_api == nullptr) return fail("entry returned no plugin table");
  const uint32_t size = args.plugin_api->struct_size;
  if (size < IHP_PLUGIN_API_SIZE_V1_0)
    return fail("plugin table is " + std::to_string(size) + " bytes; ABI 1.0 needs at least " +
                std::to_string(IHP_PLUGIN_API_SIZE_V1_0));
  // A bigger (newer) table: only the prefix we know.
  const ihp_plugin_api table = copyVersioned(*args.plugin_api, &ihp_plugin_api::remote_users_resolve);
  // 6. The build fingerprint, field by field.
  std::string mismatch = compareFingerprints(table.fingerprint, hostFingerprint(host_));
  if (!mismatch.empty()) return fail(mismatch);
  // 7. The descriptor.
  DescriptorResult descriptor = readDescriptor(table);
  if (!descriptor.reason.empty()) return fail(descriptor.reason);
  PluginInfo info = std::move(descriptor.info);
  info.path = path;
  info.abiVersion = std::to_string(host_.major) + "." + std::to_string(negotiation.minor);
  // 8. One plugin per key.
  auto existing = keys_.find(info.key);
  if (existing != keys_.end())
    return fail("duplicate plugin key '" + info.key + "' (already loaded from " + existing->second + ")");
  // 9. The caller's check, before init can write anything.
  if (refuse) {
    if (std::string reason = refuse(info); !reason.empty()) return fail(reason);
  }
  // 10. init.
  ihp_plugin* instance = nullptr;
  std::string initError = runInit(table, info, services_, instance);
  if (!initError.empty()) return fail(initError);

  keys_.emplace(info.key, path);
  if (identity) files_.emplace(*identity, path);
  LoadOutcome outcome;
  outcome.plugin = std::make_unique<LoadedPlugin>(std::move(info), &table, instance, services_, calls_);
  return outcome;
}

}  // namespace ih::host::plugins
