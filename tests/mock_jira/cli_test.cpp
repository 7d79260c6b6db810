// The command line: readiness line, clean exit on SIGTERM, usage errors.
#include <algorithm>

#include <gtest/gtest.h>

#include "mock_jira_fixture.h"
#include "support/child_process.h"
#include "support/test_paths.h"

namespace ih::testing {
namespace {

int runToExit(const std::vector<std::string>& args, std::string* stderrText = nullptr, std::string* stdoutText = nullptr) {
  auto process = ChildProcess::start(binaryDir() + "/mock-jira", args);
  int code = process->wait(std::chrono::seconds(10));
  if (stderrText != nullptr) *stderrText = process->stderrText();
  if (stdoutText != nullptr) *stdoutText = process->stdoutText();
  return code;
}

TEST(MockJiraCli, PortZeroPrintsTheRealPortAndSigtermExitsZero) {
  auto process = ChildProcess::start(binaryDir() + "/mock-jira", {"--port", "0"});
  auto url = process->waitForListening();
  EXPECT_EQ(url.rfind("http://127.0.0.1:", 0), 0u);
  EXPECT_GT(process->port(), 0);
  EXPECT_EQ(httpRequest("GET", url + "/rest/api/2/serverInfo").status, 200);
  EXPECT_EQ(process->stop(), 0);
  EXPECT_EQ(process->stdoutText(), "listening on " + url + "\n");
}

TEST(MockJiraCli, UnknownOptionIsOneLineAndExitTwo) {
  std::string err;
  EXPECT_EQ(runToExit({"--frobnicate"}, &err), 2);
  EXPECT_NE(err.find("mock-jira: "), std::string::npos);
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
}

TEST(MockJiraCli, RecordAndReplayTogetherAreRefused) {
  std::string err;
  EXPECT_EQ(runToExit({"--record", "/tmp/a.json", "--replay", "/tmp/b.json"}, &err), 2);
  EXPECT_NE(err.find("--record and --replay"), std::string::npos) << err;
}

TEST(MockJiraCli, BadPortAndMissingSeedAreUsageErrors) {
  std::string err;
  EXPECT_EQ(runToExit({"--port", "seventy"}, &err), 2);
  EXPECT_NE(err.find("invalid --port"), std::string::npos) << err;
  EXPECT_EQ(runToExit({"--seed", "/nonexistent/seed.json"}, &err), 2);
  EXPECT_NE(err.find("seed"), std::string::npos) << err;
}

TEST(MockJiraCli, HelpListsOptionsAndExitsZero) {
  std::string out;
  EXPECT_EQ(runToExit({"--help"}, nullptr, &out), 0);
  EXPECT_NE(out.find("--context-path"), std::string::npos);
  EXPECT_NE(out.find("--replay"), std::string::npos);
}

}  // namespace
}  // namespace ih::testing
