// The host as a real process against hostile clients and a hostile plugin:
// idle and dribbling sockets (bounded counts, loopback only) neither silence
// /healthz nor outlive the request deadline; the connection cap refuses
// clearly and the host recovers once they close; a plugin route that sleeps
// past --plugin-call-timeout-ms is answered 503 at the deadline, /healthz
// keeps answering while 20 such calls are stuck, and their units of work
// wrote nothing; a plugin reply header carrying CR/LF becomes a 500.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <future>
#include <memory>
#include <thread>
#include <vector>

#include "host_process.h"
#include "storage/database.h"
#include "storage/query.h"
#include "support/eventually.h"
#include "support/raw_connection.h"
#include "support/temp_dir.h"
#include "support/test_paths.h"

namespace ih::e2e {
namespace {

using ih::testing::eventually;
using ih::testing::RawConnection;
using namespace std::chrono_literals;

uint16_t portOf(const std::string& baseUrl) {
  return static_cast<uint16_t>(std::stoi(baseUrl.substr(baseUrl.rfind(':') + 1)));
}

class HostileE2eTest : public ::testing::Test {
 protected:
  std::unique_ptr<HostProcess> start(std::vector<std::string> extraArgs) {
    HostLaunch launch;
    launch.dataDir = temp.path() + "/var";
    launch.pluginsDir = plugins.path();
    launch.adminToken = "t";
    launch.extraArgs = std::move(extraArgs);
    return std::make_unique<HostProcess>(launch);
  }

  // /healthz from a fresh client, answered 200 within `timeout`.
  static bool healthy(HostProcess& host, std::chrono::milliseconds timeout = 3s) {
    try {
      return ih::testing::httpRequest("GET", host.baseUrl() + "/healthz", "", {}, timeout).status == 200;
    } catch (const std::exception&) {
      return false;
    }
  }

  int64_t jobsOfKind(const std::string& kind) {
    auto database = host::storage::Database::open("sqlite:" + temp.path() + "/var/host.db");
    auto uow = database->begin();
    return host::storage::Query(*uow, "SELECT COUNT(*) FROM jobs WHERE kind = ?").bind(kind).scalarInt64();
  }

  ih::testing::TempDir temp, plugins;
};

TEST_F(HostileE2eTest, IdleAndDribblingSocketsNeitherSilenceTheHostNorOutliveTheDeadline) {
  auto host = start({"--header-timeout-ms", "2000", "--http-threads", "4"});
  const uint16_t port = portOf(host->baseUrl());
  // Both counts above the worker count: with a thread per connection this is silence.
  std::vector<std::unique_ptr<RawConnection>> idle, dribbling;
  for (int i = 0; i < 40; ++i) idle.push_back(std::make_unique<RawConnection>(port));
  for (int i = 0; i < 20; ++i) {
    dribbling.push_back(std::make_unique<RawConnection>(port));
    dribbling.back()->send("G");
  }
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(healthy(*host)) << "probe " << i << " while the sockets are open";

  // One byte every 200 ms each; the host must close them at the deadline.
  const auto started = std::chrono::steady_clock::now();
  size_t closed = 0;
  while (closed < dribbling.size() && std::chrono::steady_clock::now() - started < 10s) {
    closed = 0;
    for (auto& c : dribbling) closed += c->closedByPeer(1ms) || !c->send("x") ? 1 : 0;
    std::this_thread::sleep_for(200ms);
  }
  EXPECT_EQ(closed, dribbling.size()) << "dribbling connections outlived the request deadline";
  for (auto& c : idle) EXPECT_TRUE(c->closedByPeer(5s)) << "an idle connection outlived the request deadline";
  EXPECT_TRUE(healthy(*host));
  const Reply metrics = host->get("/metrics", "");
  EXPECT_NE(metrics.body.find("ih_http_connections_timed_out_total{phase=\"request\"} "), std::string::npos);
  EXPECT_EQ(host->process().stop(), 0);
}

TEST_F(HostileE2eTest, TheConnectionCapRefusesClearlyAndTheHostRecovers) {
  auto host = start({"--max-connections", "20", "--header-timeout-ms", "60000"});
  const uint16_t port = portOf(host->baseUrl());
  std::vector<std::unique_ptr<RawConnection>> held;
  for (int i = 0; i < 20; ++i) held.push_back(std::make_unique<RawConnection>(port));
  RawConnection refused(port);
  const std::string answer = refused.readResponse();
  EXPECT_EQ(answer.rfind("HTTP/1.1 503 Service Unavailable\r\n", 0), 0u) << answer;
  EXPECT_NE(answer.find("Connection: close"), std::string::npos) << answer;
  EXPECT_NE(answer.find(R"({"detail":"Too many connections; try again shortly."})"), std::string::npos) << answer;
  held.clear();
  EXPECT_TRUE(eventually([&] { return healthy(*host, 1s); })) << "the host recovers once they close";
  EXPECT_EQ(host->process().stop(), 0);
}

class HostilePluginE2eTest : public HostileE2eTest {
 protected:
  void SetUp() override { std::filesystem::copy_file(IH_E2E_HOSTILE_PLUGIN, plugins.file("hostile.so")); }
  // 20 calls that sleep 10 s against a 500 ms deadline, with the hook calls
  // made `mode` (inline on the HTTP loops, or pooled).
  void sleepersAre503AtTheDeadlineAndWriteNothing(const std::string& mode);
};

void HostilePluginE2eTest::sleepersAre503AtTheDeadlineAndWriteNothing(const std::string& mode) {
  auto host = start({"--plugin-call-timeout-ms", "500", "--plugin-calls", mode});
  // A fast call commits its job: the check below can see a write.
  EXPECT_EQ(host->post("/extensions/hostile/sleep/0/", "{}", "").status, 200);
  ASSERT_EQ(host->get("/healthz", "").status, 200);

  // The plugin sleeps 10 s: long enough that all 20 are still inside it when
  // the metrics are read, even on a slow (sanitized, loaded) machine.
  std::vector<std::future<std::pair<int, std::chrono::milliseconds>>> sleepers;
  for (int i = 0; i < 20; ++i) {
    sleepers.push_back(std::async(std::launch::async, [&] {
      const auto sent = std::chrono::steady_clock::now();
      Reply r = host->post("/extensions/hostile/sleep/10000/", "{}", "");
      EXPECT_EQ(r.str("detail"), "The integration's plugin did not answer in time.") << r.describe();
      return std::make_pair(
          r.status, std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - sent));
    }));
  }
  for (auto& s : sleepers) {
    auto [status, took] = s.get();
    EXPECT_EQ(status, 503);
    EXPECT_LT(took, 3500ms) << "answered at the 500 ms deadline, not when the plugin returned (10 s)";
  }
  // All 20 are still inside the plugin; the host keeps serving.
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(healthy(*host)) << "probe " << i;
  const Reply metrics = host->get("/metrics", "");
  EXPECT_NE(metrics.body.find("ih_plugin_calls_stuck 20"), std::string::npos) << metrics.body;
  EXPECT_NE(metrics.body.find(R"(ih_plugin_calls_abandoned_total{hook="handle_request",plugin="hostile"} 20)"),
            std::string::npos);
  EXPECT_TRUE(eventually(
      [&] { return host->get("/metrics", "").body.find("ih_plugin_calls_stuck 0") != std::string::npos; }, 20s));
  EXPECT_EQ(host->process().stop(), 0);
  EXPECT_EQ(jobsOfKind("before-sleep"), 1) << "only the fast call's job; the abandoned ones rolled back";
  EXPECT_EQ(jobsOfKind("after-sleep"), 1);
}

TEST_F(HostilePluginE2eTest, ASleepingRouteRunInlineIs503AtTheDeadlineAndWritesNothing) {
  sleepersAre503AtTheDeadlineAndWriteNothing("inline");
}

TEST_F(HostilePluginE2eTest, ASleepingRouteOnThePoolIs503AtTheDeadlineAndWritesNothing) {
  sleepersAre503AtTheDeadlineAndWriteNothing("pooled");
}

// The sleeping call wrote (its "before-sleep" job) before it slept, which
// takes SQLite's writer lock: its 503 must release it at the deadline, not
// when the plugin returns, or every other write waits behind a stuck plugin.
TEST_F(HostilePluginE2eTest, AnInlineCallPastItsDeadlineReleasesTheWriterLockAtOnce) {
  auto host = start({"--plugin-call-timeout-ms", "300", "--plugin-calls", "inline"});
  auto sleeper = std::async(std::launch::async, [&] { return host->post("/extensions/hostile/sleep/8000/", "{}", ""); });
  const Reply abandoned = sleeper.get();
  EXPECT_EQ(abandoned.status, 503) << abandoned.describe();
  EXPECT_EQ(abandoned.headers.at("connection"), "close");
  ASSERT_NE(host->get("/metrics", "").body.find("ih_plugin_calls_stuck 1"), std::string::npos)
      << "the call is still inside the plugin";
  const Reply fast = host->post("/extensions/hostile/sleep/0/", "{}", "");
  EXPECT_EQ(fast.status, 200) << fast.describe();
  EXPECT_NE(host->get("/metrics", "").body.find("ih_plugin_calls_stuck 1"), std::string::npos)
      << "the write went through while the abandoned call still slept";
  EXPECT_TRUE(eventually(
      [&] { return host->get("/metrics", "").body.find("ih_plugin_calls_stuck 0") != std::string::npos; }, 15s));
  EXPECT_EQ(host->process().stop(), 0);
  EXPECT_EQ(jobsOfKind("before-sleep"), 1) << "the fast call's; the abandoned one rolled back";
  EXPECT_EQ(jobsOfKind("after-sleep"), 1);
}

// A thread left inside a plugin after its 503 holds up neither the graceful
// stop (whose grace is 10 s) nor the exit (the plugin sleeps 30 s).
TEST_F(HostilePluginE2eTest, AHostWithAnInlineCallStuckInAPluginStopsPromptly) {
  auto host = start({"--plugin-call-timeout-ms", "300", "--plugin-calls", "inline"});
  EXPECT_EQ(host->post("/extensions/hostile/sleep/30000/", "{}", "").status, 503);
  ASSERT_NE(host->get("/metrics", "").body.find("ih_plugin_calls_stuck 1"), std::string::npos);
  const auto stopping = std::chrono::steady_clock::now();
  EXPECT_EQ(host->process().stop(), 0);
  EXPECT_LT(std::chrono::steady_clock::now() - stopping, 8s) << "neither the grace nor the plugin was waited for";
  EXPECT_NE(host->process().stderrText().find("abandoned plugin call(s) still running"), std::string::npos);
}

TEST_F(HostilePluginE2eTest, AReplyHeaderWithCrLfBecomesA500) {
  auto host = start({});
  Reply injected = host->get("/extensions/hostile/header/crlf/", "");
  EXPECT_EQ(injected.status, 500) << injected.describe();
  EXPECT_EQ(injected.headers.count("injected"), 0u);
  EXPECT_EQ(injected.headers.count("x-note"), 0u);
  EXPECT_EQ(injected.str("detail"), "Internal error");
  Reply fine = host->get("/extensions/hostile/header/ok/", "");
  EXPECT_EQ(fine.status, 200);
  EXPECT_EQ(fine.headers["x-note"], "fine");
  EXPECT_EQ(host->process().stop(), 0);
  EXPECT_NE(host->process().stderrText().find("reply refused"), std::string::npos);
}

}  // namespace
}  // namespace ih::e2e
