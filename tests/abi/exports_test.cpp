// tests/abi/exports_test.cpp - rule 1 of plugin_abi.h: every built plugin
// (build/test-plugins and build/plugins) exports exactly ihp_plugin_entry.
// Read from the dynamic symbol table with `nm -D --defined-only`, i.e. what
// dlsym can actually see.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <set>
#include <sstream>

namespace {

namespace fs = std::filesystem;

// Plugins that are broken on purpose in a way that changes their exports.
const std::set<std::string> kExempt = {"missing_entry.so"};

std::set<std::string> exportedSymbols(const std::string& path) {
  std::set<std::string> symbols;
  std::string command = "nm -D --defined-only '" + path + "' 2>/dev/null";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return symbols;
  char line[1024];
  while (std::fgets(line, sizeof line, pipe) != nullptr) {
    std::istringstream fields(line);
    std::string address, type, name;
    if (!(fields >> address >> type >> name)) continue;
    if (type == "A") continue;  // version-definition entries, not symbols
    symbols.insert(name.substr(0, name.find('@')));
  }
  ::pclose(pipe);
  return symbols;
}

std::vector<std::string> builtPlugins() {
  std::vector<std::string> files;
  for (const char* root : {IH_TEST_PLUGIN_DIR, IH_PLUGIN_DIR}) {
    if (!fs::is_directory(root)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (entry.path().extension() == ".so" && !kExempt.count(entry.path().filename().string()))
        files.push_back(entry.path().string());
    }
  }
  return files;
}

TEST(PluginExports, EveryPluginExportsExactlyTheEntry) {
  auto files = builtPlugins();
  ASSERT_GE(files.size(), 10u) << "the test plugins were not built";
  for (const auto& file : files) {
    EXPECT_EQ(exportedSymbols(file), std::set<std::string>{"ihp_plugin_entry"}) << file;
  }
}

TEST(PluginExports, TheMissingEntryPluginReallyExportsNothing) {
  EXPECT_TRUE(exportedSymbols(std::string(IH_CORPUS_DIR) + "/missing_entry.so").empty());
}

}  // namespace
