// Attack: a plugins dir holding a truncated ELF `x.so` (the dynamic loader
// would crash on it) and a symlink loop `loop.so` next to the real plugin
// (issue 9, finding 3); they once aborted the host or made it exit 70 at
// start-up. The suite's host started on exactly that dir: each bad file is
// skipped with one log line, and the Jira plugin is the one loaded and works
// (the other attacks install and sync through it).
#include "hostile_target.h"

#include <string>

namespace ih::e2e::hostile {
namespace {

size_t linesContaining(const std::string& text, const std::string& needle) {
  size_t lines = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++lines;
  return lines;
}

TEST_F(HostileClient, UnloadablePluginFilesAreSkippedWithOneLineEach) {
  const std::string log = host().process().stderrText();
  for (const char* name : {"x.so", "loop.so"}) {
    EXPECT_EQ(linesContaining(log, "plugin " + target().plugins.file(name) + " skipped: "), 1u) << name << "\n" << log;
  }
  Reply plugins = host().get("/api/0/plugins/", kHostileAdmin);
  ASSERT_EQ(plugins.status, 200) << plugins.describe();
  ASSERT_TRUE(plugins.json.IsArray());
  ASSERT_EQ(plugins.json.Size(), 1u) << plugins.body;
  EXPECT_STREQ(plugins.json[0]["key"].GetString(), "jira_server");
  EXPECT_FALSE(target().integration.empty()) << "installed through the real plugin";
}

}  // namespace
}  // namespace ih::e2e::hostile
