// The host process's life: command line and config file, the generated
// admin token, restart on the same data dir, SIGTERM, and start-up failures
// with their exit codes (64 bad options; 69 unreachable database or a port in
// use; 73 a data dir, key or token file that cannot be created) and a broken
// plugin that is skipped while the host keeps serving.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>
#include <set>

#include "host_process.h"
#include "support/temp_dir.h"
#include "support/test_paths.h"

namespace ih::e2e {
namespace {

int modeOf(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return -1;
  return static_cast<int>(st.st_mode & 0777);
}

size_t countLines(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (text.substr(start, end - start).find(needle) != std::string::npos) ++n;
    start = end + 1;
  }
  return n;
}

class HostLifecycleTest : public ::testing::Test {
 protected:
  HostLaunch launchIn(const std::string& dataDir, const std::string& token = "") {
    HostLaunch launch;
    launch.dataDir = dataDir;
    launch.pluginsDir = plugins.path();
    launch.adminToken = token;
    return launch;
  }

  ih::testing::TempDir temp, plugins;
};

std::set<std::string> threadNamesOf(pid_t pid) {
  std::set<std::string> names;
  for (const auto& task : std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/task")) {
    std::string name = ih::testing::readFile(task.path().string() + "/comm");
    while (!name.empty() && name.back() == '\n') name.pop_back();
    names.insert(name);
  }
  return names;
}

TEST_F(HostLifecycleTest, GeneratesAnAdminTokenFileAndKeepsDataAcrossRestarts) {
  const std::string dataDir = temp.path() + "/var";
  std::string token;
  {
    HostProcess host(launchIn(dataDir));
    const std::string tokenFile = dataDir + "/admin-token";
    ASSERT_TRUE(std::filesystem::exists(tokenFile));
    EXPECT_EQ(modeOf(tokenFile), 0600);
    EXPECT_EQ(modeOf(dataDir), 0700);
    token = ih::testing::readFile(tokenFile);
    while (!token.empty() && (token.back() == '\n' || token.back() == '\r')) token.pop_back();
    EXPECT_EQ(token.size(), 64u);  // 32 random bytes, hex

    EXPECT_EQ(host.post("/api/0/organizations/", R"({"slug":"keep","name":"Keep"})", token).status, 201);
    const std::string user = host.post("/api/0/users/", R"({"email":"k@keep.test","name":"K"})", token).str("id");
    host.post("/api/0/organizations/keep/members/", R"({"userId":")" + user + R"("})", token);
    host.post("/api/0/organizations/keep/teams/", R"({"slug":"t"})", token);
    host.post("/api/0/organizations/keep/projects/", R"({"slug":"p","teams":["t"]})", token);
    EXPECT_EQ(host.post("/api/0/projects/keep/p/issues/", R"({"title":"Persisted"})", token).status, 201);

    EXPECT_EQ(host.process().stop(), 0);  // SIGTERM is a clean exit
    const std::string log = host.process().stderrText();
    EXPECT_NE(log.find(tokenFile), std::string::npos) << "the log names the token file";
    EXPECT_EQ(log.find(token), std::string::npos) << "the token itself is never logged";
  }
  HostProcess again(launchIn(dataDir));
  Reply issues = again.get("/api/0/organizations/keep/issues/1/", token);
  EXPECT_EQ(issues.status, 200) << issues.describe();
  EXPECT_EQ(issues.str("title"), "Persisted");
  EXPECT_EQ(again.post("/api/0/organizations/", R"({"slug":"keep","name":"Again"})", token).status / 100, 4);
  EXPECT_EQ(again.process().stop(), 0);
}

TEST_F(HostLifecycleTest, TakesTheTokenFromTheEnvironmentAndOptionsFromAConfigFile) {
  HostLaunch launch = launchIn(temp.path() + "/env");
  launch.env["INTEGRATION_HOST_ADMIN_TOKEN"] = "from-env";
  const std::string config = temp.write("host.properties", "log-level = warning\nmax-body-bytes = 100\n");
  launch.extraArgs = {"--config", config};
  HostProcess host(launch);
  EXPECT_EQ(host.get("/api/0/plugins/", "from-env").status, 200);
  EXPECT_EQ(host.post("/api/0/organizations/", "{\"slug\":\"" + std::string(200, 'a') + "\"}", "from-env").status, 413);
  EXPECT_FALSE(std::filesystem::exists(temp.path() + "/env/admin-token"));
  EXPECT_EQ(host.process().stop(), 0);
  EXPECT_EQ(host.process().stderrText().find(" Information "), std::string::npos) << "log-level from the file";
}

TEST_F(HostLifecycleTest, SkipsABrokenPluginWithOneLineAndKeepsServing) {
  // Not a shared object at all, a truncated one (ld.so would crash on it) and
  // a symlink loop, next to a working plugin.
  ih::testing::TempDir pluginDir;
  pluginDir.write("broken.so", "this is not an ELF file");
  const std::string good = ih::testing::testPluginDir() + "/api/api_test_plugin.so";
  std::filesystem::copy_file(good, pluginDir.file("api_test_plugin.so"));
  const std::string elf = ih::testing::readFile(good);
  pluginDir.write("x.so", elf.substr(0, elf.size() / 2));
  std::filesystem::create_symlink("loop.so", pluginDir.file("loop.so"));
#ifdef IH_E2E_ABI_BROKEN_PLUGIN
  // A real plugin built for ABI major 2.
  std::filesystem::copy_file(IH_E2E_ABI_BROKEN_PLUGIN, pluginDir.file("major_too_new.so"));
#endif
  HostLaunch launch = launchIn(temp.path() + "/plugins-data", "t");
  launch.pluginsDir = pluginDir.path();
  HostProcess host(launch);
  Reply plugins = host.get("/api/0/plugins/", "t");
  ASSERT_EQ(plugins.status, 200);
  ASSERT_TRUE(plugins.json.IsArray());
  ASSERT_EQ(plugins.json.Size(), 1u) << plugins.body;
  EXPECT_STREQ(plugins.json[0]["key"].GetString(), "api_test");
  EXPECT_EQ(host.get("/healthz", "").status, 200);
  for (const char* name : {"broken.so", "x.so", "loop.so"}) {
    EXPECT_EQ(countLines(host.process().stderrText(), std::string("plugin ") + pluginDir.file(name) + " skipped: "), 1u)
        << name << "\n" << host.process().stderrText();
  }
#ifdef IH_E2E_ABI_BROKEN_PLUGIN
  EXPECT_EQ(countLines(host.process().stderrText(), "major_too_new.so"), 1u) << host.process().stderrText();
#endif
  EXPECT_EQ(host.process().stop(), 0);
}

// `top -H` and perf show which part of the host takes the CPU.
TEST_F(HostLifecycleTest, NamesItsThreadsByWhatTheyDo) {
  HostProcess host(launchIn(temp.path() + "/var"));
  ASSERT_EQ(host.get("/healthz", "").status, 200);
  const std::set<std::string> names = threadNamesOf(host.process().pid());
  for (const char* expected : {"ih-http", "ih-inbox-write", "ih-inbox-sync", "ih-inbox-apply", "ih-job", "ih-job-lease",
                               "ih-checkpoint", "ih-call-watch"}) {
    EXPECT_TRUE(names.count(expected)) << expected << " is not among the host's threads";
  }
}

TEST_F(HostLifecycleTest, BadOptionsExit64WithOneLine) {
  std::string err;
  EXPECT_EQ(HostProcess::runToExit({"--port", "not-a-port"}, &err), 64);
  EXPECT_EQ(countLines(err, "port"), 1u) << err;
  EXPECT_EQ(HostProcess::runToExit({"--no-such-option"}, &err), 64);
  EXPECT_EQ(countLines(err, "integration-host:"), 1u) << err;
  EXPECT_EQ(HostProcess::runToExit({"--log-level", "loud", "--data-dir", temp.path()}, &err), 64);
  EXPECT_EQ(HostProcess::runToExit({"--config", temp.path() + "/missing.ini"}, &err), 64);
}

TEST_F(HostLifecycleTest, AnUnreachableDatabaseExits69WithOneLine) {
  std::string err;
  int code = HostProcess::runToExit({"--data-dir", temp.path() + "/db", "--admin-token", "t", "--plugins-dir",
                                     plugins.path(), "--database", "postgresql://user:hunter2@127.0.0.1:1/none"},
                                    &err);
  EXPECT_EQ(code, 69) << err;
  EXPECT_EQ(countLines(err, "integration-host:"), 1u) << err;
  EXPECT_EQ(err.find("hunter2"), std::string::npos) << "the password is never printed";
}

// sysexits' EX_CANTCREAT. A regular file where a directory must be refuses
// creation even to root (tests run as root, where permissions would not).
TEST_F(HostLifecycleTest, ADataDirThatCannotBeCreatedExits73WithOneLine) {
  const std::string file = temp.write("a-file", "not a directory\n");
  std::string err;
  EXPECT_EQ(HostProcess::runToExit({"--data-dir", file + "/var", "--admin-token", "t", "--plugins-dir", plugins.path(),
                                    "--port", "0"},
                                   &err),
            73)
      << err;
  EXPECT_EQ(countLines(err, "integration-host:"), 1u) << err;
  EXPECT_NE(err.find("cannot create data directory " + file + "/var"), std::string::npos) << err;
}

TEST_F(HostLifecycleTest, AKeyFileThatCannotBeCreatedExits73WithOneLine) {
  const std::string dataDir = temp.path() + "/keyless";
  std::filesystem::create_directories(dataDir + "/secret-key");  // where the key file must go
  std::string err;
  EXPECT_EQ(HostProcess::runToExit({"--data-dir", dataDir, "--admin-token", "t", "--plugins-dir", plugins.path(),
                                    "--port", "0"},
                                   &err),
            73)
      << err;
  EXPECT_EQ(countLines(err, "integration-host:"), 1u) << err;
  EXPECT_NE(err.find("secret key"), std::string::npos) << err;
}

// Issue 11 finding 4: hosts sharing a database must share the key that seals
// its credentials. A copy of the key elsewhere (given by the environment)
// serves; another key refuses to start, naming its file.
TEST_F(HostLifecycleTest, AKeyThatDoesNotMatchTheDatabaseExits78NamingTheFile) {
  const std::string dataDir = temp.path() + "/fleet";
  {
    HostProcess first(launchIn(dataDir));
    EXPECT_EQ(first.process().stop(), 0);
  }
  const std::string sharedCopy = temp.write("shared-key", ih::testing::readFile(dataDir + "/secret-key"));
  HostLaunch withCopy = launchIn(dataDir);
  withCopy.env["INTEGRATION_HOST_SECRET_KEY_FILE"] = sharedCopy;
  {
    HostProcess second(withCopy);
    EXPECT_EQ(second.process().stop(), 0);
  }
  const std::string otherKey = temp.path() + "/other-key";  // created fresh, so it differs
  std::string err;
  EXPECT_EQ(HostProcess::runToExit({"--data-dir", dataDir, "--admin-token", "t", "--plugins-dir", plugins.path(),
                                    "--port", "0", "--secret-key-file", otherKey},
                                   &err),
            78)
      << err;
  EXPECT_EQ(countLines(err, "integration-host:"), 1u) << err;
  EXPECT_NE(err.find("secret key in " + otherKey), std::string::npos) << err;
  EXPECT_TRUE(std::filesystem::exists(otherKey));
}

TEST_F(HostLifecycleTest, AnAdminTokenFileThatCannotBeCreatedExits73WithOneLine) {
  const std::string dataDir = temp.path() + "/tokenless";
  std::filesystem::create_directories(dataDir + "/admin-token");  // where the token file must go
  std::string err;
  EXPECT_EQ(HostProcess::runToExit({"--data-dir", dataDir, "--plugins-dir", plugins.path(), "--port", "0"}, &err), 73)
      << err;
  EXPECT_EQ(countLines(err, "integration-host:"), 1u) << err;
  EXPECT_NE(err.find("admin-token"), std::string::npos) << err;
}

// sysexits' EX_UNAVAILABLE: another host already listens on the port. The
// first one keeps serving.
TEST_F(HostLifecycleTest, APortInUseExits69WithOneLine) {
  HostProcess first(launchIn(temp.path() + "/first", "t"));
  const std::string port = std::to_string(first.process().port());
  std::string err;
  EXPECT_EQ(HostProcess::runToExit({"--port", port, "--data-dir", temp.path() + "/second", "--admin-token", "t",
                                    "--plugins-dir", plugins.path()},
                                   &err),
            69)
      << err;
  EXPECT_EQ(countLines(err, "integration-host:"), 1u) << err;
  EXPECT_NE(err.find(port), std::string::npos) << "names the port: " << err;
  EXPECT_EQ(first.get("/healthz", "").status, 200);
  EXPECT_EQ(first.process().stop(), 0);
}

TEST_F(HostLifecycleTest, HelpListsEveryOption) {
  std::string out;
  EXPECT_EQ(HostProcess::runToExit({"--help"}, nullptr, &out), 0);
  for (const char* option : {"--bind", "--port", "--data-dir", "--database", "--plugins-dir", "--public-url",
                             "--admin-token", "--workers", "--config", "--log-level", "--header-timeout-ms",
                             "--keep-alive-timeout-ms", "--max-connections", "--plugin-call-timeout-ms",
                             "--plugin-calls", "--integration-cache-ttl-ms"}) {
    EXPECT_NE(out.find(option), std::string::npos) << option << " missing from:\n" << out;
  }
}

}  // namespace
}  // namespace ih::e2e
