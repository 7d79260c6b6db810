// Where the build put things, fixed at configure time, so tests find binaries and
// plugins without depending on the working directory ctest uses.
#pragma once

#include <string>

namespace ih::testing {

std::string binaryDir();      // build/bin
std::string pluginDir();      // build/plugins
std::string testPluginDir();  // build/test-plugins
std::string sourceDir();      // repository root

}  // namespace ih::testing
