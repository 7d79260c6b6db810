// host/plugins/plugin_library.h - one opened plugin .so (Boost.DLL
// shared_library, RTLD_NOW | RTLD_LOCAL), confined to plugin_library.cpp so
// the rest of the host never includes Boost.DLL.
//
// RTLD_NOW makes a missing symbol fail the load instead of a later call;
// RTLD_LOCAL keeps one plugin's symbols from resolving another's. A library
// whose code has run is never closed (retainForever): dlclose while a plugin's
// atexit handlers, threads or thread-local destructors may still point into it
// is the classic way to crash at exit.
#pragma once

#include <memory>
#include <string>

#include "ihp/plugin_abi.h"

namespace ih::host::plugins {

class PluginLibrary {
 public:
  // Opens an absolute path. On failure returns nullptr and sets `error` to
  // one line: "not a loadable shared object: <why>" (elf_check.h, checked
  // first so a truncated file cannot crash the host), else "dlopen failed:
  // <the dynamic loader's own message>".
  static std::unique_ptr<PluginLibrary> open(const std::string& path, std::string& error);
  ~PluginLibrary();  // closes the library (only for libraries whose code never ran)

  bool hasSymbol(const char* name) const;
  ihp_entry_fn entry() const;  // IHP_ENTRY_SYMBOL; check hasSymbol() first

  // Keeps the library mapped until the process exits.
  static void retainForever(std::unique_ptr<PluginLibrary> library);

 private:
  struct Impl;
  explicit PluginLibrary(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace ih::host::plugins
