// The plugin runtime against plugins and files that misbehave: every file
// that cannot load is skipped with one line (a truncated ELF would otherwise
// crash ld.so, a symlink loop end the scan); a hook past its deadline is
// abandoned - the caller gets ServiceUnavailableError at once, the plugin can
// no longer write into the caller's unit of work, and healthy calls keep
// running while abandoned ones are stuck; a job past it is retried; a reply
// header that is not valid HTTP turns the answer into a 500.
#include <elf.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <thread>
#include <vector>

#include "common/errors.h"
#include "host_fixture.h"
#include "log_capture.h"
#include "plugins/plugin_job_runner.h"
#include "scripted_completion.h"
#include "plugins/plugin_registry.h"
#include "support/eventually.h"
#include "support/temp_dir.h"
#include "support/time_scale.h"

namespace ih::test {
namespace {

using host::plugins::CallScope;
using host::plugins::HookReply;
using host::plugins::PluginRequest;
using ih::testing::eventually;
using ih::testing::scaled;
using namespace std::chrono_literals;

const std::string kHostilePlugin = std::string(IH_HOSTILE_PLUGIN_DIR) + "/hostile.so";

std::string readAll(const std::string& path) { return ih::testing::readFile(path); }

void writeAll(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

// ---------------------------------------------------------------------------
// Files that do not load

class PluginFilesTest : public ::testing::Test {
 protected:
  std::string file(const std::string& name) const { return dir.file(name); }

  LogCapture logs;
  HostFixture host;
  ih::testing::TempDir dir;
};

// Where the last PT_LOAD segment of a 64-bit ELF image ends in the file.
size_t loadableEnd(const std::string& elf) {
  Elf64_Ehdr header;
  std::memcpy(&header, elf.data(), sizeof header);
  size_t end = 0;
  for (size_t i = 0; i < header.e_phnum; ++i) {
    Elf64_Phdr segment;
    std::memcpy(&segment, elf.data() + header.e_phoff + i * header.e_phentsize, sizeof segment);
    if (segment.p_type == PT_LOAD) end = std::max<size_t>(end, segment.p_offset + segment.p_filesz);
  }
  return end;
}

TEST_F(PluginFilesTest, EveryUnloadableFileIsSkippedWithOneLineAndTheGoodOneLoads) {
  const std::string good = readAll(kHostilePlugin);
  ASSERT_GT(good.size(), 4096u);
  writeAll(file("good.so"), good);
  writeAll(file("truncated.so"), good.substr(0, good.size() / 2));
  writeAll(file("short.so"), good.substr(0, 40));
  writeAll(file("not_elf.so"), "this is not an ELF file at all");
  // No section headers to give the truncation away: only the segment check can.
  // Cut inside the last loadable segment: with debug info (RelWithDebInfo,
  // the TSan build) half the file can still hold every segment.
  std::string noSections = good.substr(0, std::min(good.size() / 2, loadableEnd(good) - 1));
  const uint16_t zero = 0;
  noSections.replace(offsetof(Elf64_Ehdr, e_shnum), sizeof zero, reinterpret_cast<const char*>(&zero), sizeof zero);
  writeAll(file("segments.so"), noSections);
  std::filesystem::create_symlink("loop.so", file("loop.so"));
  std::filesystem::create_symlink("missing-target.so", file("dangling.so"));
  std::filesystem::create_directory(file("directory.so"));

  host::plugins::PluginRegistry registry(host.services());
  EXPECT_EQ(registry.loadDirectory(dir.path()), 1u);
  ASSERT_NE(registry.find("hostile"), nullptr);

  const std::map<std::string, std::string> expected = {
      {"truncated.so", "not a loadable shared object: truncated ELF file (section headers past the end)"},
      {"short.so", "not a loadable shared object: truncated ELF file (no complete header)"},
      {"not_elf.so", "not a loadable shared object: not an ELF file"},
      {"segments.so", "not a loadable shared object: truncated ELF file (a segment lies past the end)"},
      {"loop.so", "not a loadable shared object: cannot open: Too many levels of symbolic links"},
      {"dangling.so", "not a loadable shared object: cannot open: No such file or directory"},
  };
  std::map<std::string, std::string> actual;
  for (const auto& failure : registry.failures()) actual[failure.path] = failure.reason;
  EXPECT_EQ(actual.size(), expected.size()) << logs.dump();
  for (const auto& [name, reason] : expected) {
    EXPECT_EQ(actual[file(name)], reason) << name;
    const auto lines = logs.matching("plugin " + file(name) + " skipped: ");
    ASSERT_EQ(lines.size(), 1u) << name << "\n" << logs.dump();
    EXPECT_EQ(lines[0].text, "plugin " + file(name) + " skipped: " + reason);
  }
  EXPECT_TRUE(logs.matching(file("directory.so")).empty()) << "a directory is not a plugin file";
}

// ---------------------------------------------------------------------------
// Deadlines

class PluginDeadlineTest : public ::testing::Test {
 protected:
  // The plugin-call deadline, stretched on a slow (sanitized) build like the
  // sleeps below, so that what is fast or slow relative to it stays so.
  static std::chrono::milliseconds deadline() { return scaled(300ms); }

  static host::plugins::PluginCallPolicy policy() {
    host::plugins::PluginCallPolicy p;
    p.timeout = deadline();
    return p;
  }

  static std::string sleepRoute(std::chrono::milliseconds sleep) {
    return "/extensions/hostile/sleep/" + std::to_string(sleep.count()) + "/";
  }

  PluginDeadlineTest() : registry(host.services(), policy()) {
    EXPECT_TRUE(registry.loadFile(kHostilePlugin)) << logs.dump();
    plugin = registry.find("hostile");
  }

  ~PluginDeadlineTest() override {
    // Abandoned calls must have left the plugin before the host core goes.
    EXPECT_TRUE(eventually([&] { return registry.calls().stuckCalls() == 0; }, 20s));
  }

  HookReply call(host::storage::UnitOfWork& uow, const std::string& method, const std::string& path) {
    auto match = registry.matchRoute(method, path);
    EXPECT_TRUE(match.has_value()) << path;
    PluginRequest request;
    request.routeIndex = match->routeIndex;
    request.method = method;
    request.path = path;
    request.pathParams = match->pathParams;
    CallScope scope{uow};
    return match->plugin->handleRequest(scope, request);
  }

  size_t jobsOfKind(const std::string& kind) {
    size_t n = 0;
    for (const auto& job : host.jobs().list({})) n += job.kind == kind ? 1 : 0;
    return n;
  }

  LogCapture logs;
  HostFixture host;
  host::plugins::PluginRegistry registry;
  host::plugins::LoadedPlugin* plugin = nullptr;
};

TEST_F(PluginDeadlineTest, ASleepingHookIsAbandonedAtItsDeadlineAndWritesNothing) {
  ASSERT_NE(plugin, nullptr);
  const auto started = std::chrono::steady_clock::now();
  {
    auto uow = host.begin();
    EXPECT_THROW(call(*uow, "POST", sleepRoute(scaled(2000ms))), host::ServiceUnavailableError);
    // The caller answers at the deadline, long before the plugin returns.
    EXPECT_LT(std::chrono::steady_clock::now() - started, scaled(1500ms));
    EXPECT_EQ(registry.calls().stuckCalls(), 1);
  }  // rolled back, as the API does for any answer >= 400
  EXPECT_EQ(
      host.metrics().value("ih_plugin_calls_abandoned_total", {{"plugin", "hostile"}, {"hook", "handle_request"}}),
      1.0);
  ASSERT_TRUE(eventually([&] { return registry.calls().stuckCalls() == 0; }, 10s));
  EXPECT_EQ(jobsOfKind("before-sleep"), 0u) << "the write before the deadline was rolled back";
  EXPECT_EQ(jobsOfKind("after-sleep"), 0u) << "the write after it never reached the caller's unit of work";
  EXPECT_EQ(logs.matching("after its deadline; its answer was dropped").size(), 1u) << logs.dump();
}

TEST_F(PluginDeadlineTest, HealthyCallsRunWhileTwentyAbandonedOnesAreStuck) {
  ASSERT_NE(plugin, nullptr);
  // Each sleeps ten deadlines: all twenty are still inside the plugin, long
  // abandoned, when the healthy call runs.
  const std::string sleeping = sleepRoute(10 * deadline());
  std::vector<std::future<bool>> sleepers;
  for (int i = 0; i < 20; ++i) {
    sleepers.push_back(std::async(std::launch::async, [this, &sleeping] {
      auto uow = host.begin();
      try {
        call(*uow, "POST", sleeping);
      } catch (const host::ServiceUnavailableError&) {
        return true;
      }
      return false;
    }));
    // The next call starts once this one is inside the plugin: twenty queued
    // at once could, on a slow build, pass their deadline still waiting for a
    // pool thread, abandoned before they ever were stuck.
    ASSERT_TRUE(eventually([&] { return plugin->callsInside() == i + 1; }))
        << "sleeping call " << i + 1 << " entered the plugin";
  }
  for (auto& s : sleepers) EXPECT_TRUE(s.get()) << "every sleeping call is answered 503";
  EXPECT_EQ(registry.calls().stuckCalls(), 20) << "every abandoned call is still counted stuck";
  auto uow = host.begin();
  HookReply healthy = call(*uow, "GET", "/extensions/hostile/header/ok/");
  EXPECT_EQ(healthy.status, IHP_OK);
  EXPECT_EQ(healthy.httpStatus, 200);
  EXPECT_EQ(plugin->callsInside(), 20) << "the healthy call ran and returned while all twenty were stuck";
}

TEST_F(PluginDeadlineTest, AJobPastTheDeadlineIsRetriedLater) {
  ASSERT_NE(plugin, nullptr);
  host::storage::Job job;
  job.id = 1;
  job.pluginKey = "hostile";
  job.kind = "sleep";
  job.payloadJson = R"({"ms":)" + std::to_string(scaled(2000ms).count()) + "}";
  job.attempts = 1;
  host::plugins::PluginJobRunner runner(*plugin, host.services());
  ih::test::ScriptedCompletion completion;
  const auto outcome = runner.run(job, completion);
  EXPECT_EQ(outcome.kind, host::jobs::JobOutcome::Kind::Retry);
  EXPECT_EQ(outcome.reason, "The integration's plugin did not answer in time.");
  job.payloadJson = R"({"ms":0})";
  EXPECT_EQ(runner.run(job, completion).kind, host::jobs::JobOutcome::Kind::Done);
  EXPECT_EQ(completion.requests, 1) << "only the attempt that answered in time is marked done";
}

// ---------------------------------------------------------------------------
// Reply headers

TEST_F(PluginDeadlineTest, AReplyHeaderThatIsNotValidHttpBecomesA500) {
  ASSERT_NE(plugin, nullptr);
  auto uow = host.begin();
  for (const char* kind : {"crlf", "name"}) {
    HookReply reply = call(*uow, "GET", std::string("/extensions/hostile/header/") + kind + "/");
    EXPECT_EQ(reply.status, IHP_E_INTERNAL) << kind;
    EXPECT_EQ(reply.httpStatus, 500) << kind;
    EXPECT_TRUE(reply.headers.empty()) << kind;
    EXPECT_EQ(reply.body, R"({"detail":"Internal error"})") << kind;
  }
  EXPECT_EQ(logs.matching("reply refused", Poco::Message::PRIO_ERROR).size(), 2u) << logs.dump();
  EXPECT_TRUE(logs.matching("Injected").empty()) << "the injected text is never logged";
  HookReply fine = call(*uow, "GET", "/extensions/hostile/header/ok/");
  EXPECT_EQ(fine.httpStatus, 200);
  ASSERT_EQ(fine.headers.size(), 1u);
  EXPECT_EQ(fine.headers[0], (std::pair<std::string, std::string>{"X-Note", "fine"}));
}

}  // namespace
}  // namespace ih::test
