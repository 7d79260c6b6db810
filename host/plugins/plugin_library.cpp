// host/plugins/plugin_library.cpp - see plugin_library.h.
#include "plugins/plugin_library.h"

#include <boost/dll/shared_library.hpp>

#include <mutex>
#include <vector>

#include "plugins/elf_check.h"

namespace ih::host::plugins {

struct PluginLibrary::Impl {
  boost::dll::shared_library library;
};

namespace {

// Boost.DLL reports "<what> (dlerror system message: <text>): <errc text>";
// the dynamic loader's text is what names the missing file or symbol.
std::string loaderMessage(const std::string& what) {
  static const std::string marker = "(dlerror system message: ";
  size_t start = what.find(marker);
  if (start == std::string::npos) return what;
  start += marker.size();
  size_t end = what.rfind(')');
  if (end == std::string::npos || end < start) return what.substr(start);
  return what.substr(start, end - start);
}

}  // namespace

PluginLibrary::PluginLibrary(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PluginLibrary::~PluginLibrary() = default;

std::unique_ptr<PluginLibrary> PluginLibrary::open(const std::string& path, std::string& error) {
  // What the dynamic loader cannot be trusted with (it would crash the host).
  if (std::string problem = elfLoadProblem(path); !problem.empty()) {
    error = "not a loadable shared object: " + problem;
    return nullptr;
  }
  auto impl = std::make_unique<Impl>();
  try {
    impl->library.load(boost::dll::fs::path(path),
                       boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
  } catch (const std::exception& e) {
    error = "dlopen failed: " + loaderMessage(e.what());
    return nullptr;
  }
  return std::unique_ptr<PluginLibrary>(new PluginLibrary(std::move(impl)));
}

bool PluginLibrary::hasSymbol(const char* name) const { return impl_->library.has(name); }

ihp_entry_fn PluginLibrary::entry() const {
  return impl_->library.get<ihp_status(ihp_entry_args*)>(IHP_ENTRY_SYMBOL);
}

void PluginLibrary::retainForever(std::unique_ptr<PluginLibrary> library) {
  // Deliberately never destroyed: reachable, so leak checkers stay quiet.
  static std::mutex mutex;
  static auto* retained = new std::vector<std::unique_ptr<PluginLibrary>>();
  std::lock_guard<std::mutex> lock(mutex);
  retained->push_back(std::move(library));
}

}  // namespace ih::host::plugins
