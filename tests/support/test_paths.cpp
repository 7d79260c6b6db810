#include "support/test_paths.h"

namespace ih::testing {

std::string binaryDir() { return IH_BINARY_DIR; }
std::string pluginDir() { return IH_PLUGIN_DIR; }
std::string testPluginDir() { return IH_TEST_PLUGIN_DIR; }
std::string sourceDir() { return IH_SOURCE_DIR; }

}  // namespace ih::testing
