// host/plugins/plugin_loader.h - turns one .so file into a LoadedPlugin, or
// into one precise reason why not.
//
// Checks, in order (the first failure stops): the file is a complete ELF
// shared object (elf_check.h; a truncated one would crash ld.so), then dlopen
// (RTLD_NOW|RTLD_LOCAL);
// the entry symbol; the entry call (fully filled ihp_entry_args, exceptions
// caught); version negotiation; the plugin table's presence and size; the
// build fingerprint; the descriptor; duplicate keys; the caller's own check
// of the descriptor; init (on the calling, main thread, in a fresh unit of
// work committed on success). The same file
// reached through another path (same device and inode) is skipped, not
// loaded twice. Stateful (remembers loaded keys and files); main thread only.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>

#include "plugins/abi_negotiation.h"
#include "plugins/loaded_plugin.h"

namespace ih::host::plugins {

struct HostServices;
class PluginCallExecutor;

struct LoadOutcome {
  std::unique_ptr<LoadedPlugin> plugin;  // set when loaded
  std::string reason;                    // set when rejected: the one-line reason
  std::string sameFileAs;                // set when skipped as a duplicate file
};

class PluginLoader {
 public:
  // `host` is the ABI version the loader claims (tests vary it); loaded
  // plugins' hooks run on `calls`.
  PluginLoader(HostServices& services, PluginCallExecutor& calls, HostAbiVersion host = {});

  // `refuse` judges the descriptor before init runs (the registry: do its
  // routes clash with another plugin's?), so a plugin refused there never
  // writes anything nor keeps its key; a non-empty answer is the reason.
  using DescriptorCheck = std::function<std::string(const PluginInfo&)>;
  LoadOutcome load(const std::string& path, const DescriptorCheck& refuse = {});

 private:
  LoadOutcome fail(std::string reason) const;

  HostServices& services_;
  PluginCallExecutor& calls_;
  HostAbiVersion host_;
  std::map<std::string, std::string> keys_;                  // loaded key -> path
  std::map<std::pair<uint64_t, uint64_t>, std::string> files_;  // (device, inode) -> path
};

}  // namespace ih::host::plugins
